import type { FaultSettings } from '../common/faults';
import type { Route, SimRequest, SimResponse } from '../common/router';
import { readEdit, type EditContext } from './edit';
import type { Inventory, JasperDevice } from './inventory';
import { jasperError } from './responses';
import type { JasperSettings } from './settings';
import { JasperStatus } from './statuses';

const BASE = '/rws/api/v1';
// [doc] Search Devices serves at most 50 records a page.
const MAX_PAGE_SIZE = 50;

export interface RouteContext {
  inventory: Inventory;
  settings: JasperSettings;
  faults: () => FaultSettings;
  editContext: () => EditContext;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Get Device Details' field set (reference §2.2); operatorCustom fields are for operator roles only. */
function details(device: JasperDevice): Record<string, unknown> {
  const custom = Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [
      `accountCustom${i + 1}`,
      device.accountCustom[`accountCustom${i + 1}`] ?? '',
    ]),
  );
  return {
    iccid: device.iccid,
    imsi: device.imsi,
    msisdn: device.msisdn,
    imei: device.imei,
    status: device.status,
    ratePlan: device.ratePlan,
    communicationPlan: device.communicationPlan,
    customer: device.customer,
    endConsumerId: device.endConsumerId,
    dateActivated: iso(device.dateActivated),
    dateUpdated: iso(device.dateUpdated),
    dateShipped: iso(device.dateShipped),
    accountId: device.accountId,
    fixedIPAddress: device.fixedIPAddress,
    fixedIpv6Address: device.fixedIpv6Address,
    deviceID: device.deviceID,
    modemID: device.modemID,
    overageLimitOverride: device.overageLimitOverride,
    ...custom,
  };
}

/** Reference §2.1: `fields=` narrows a GET answer; the list is comma-separated, no spaces. */
function sparse(full: Record<string, unknown>, fields: string | null, code: string): SimResponse {
  if (fields === null) return { status: 200, body: full };
  if (/\s/.test(fields) || fields === '')
    return jasperError(400, 'fields must be a comma-separated list without spaces', code);
  const wanted = new Set(fields.split(','));
  return {
    status: 200,
    body: Object.fromEntries(Object.entries(full).filter(([key]) => wanted.has(key))),
  };
}

/** A positive whole number from a query parameter, its default when absent, NaN when garbled. */
function positiveInt(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : NaN;
}

/** The Control Center REST paths the console uses, behind the caller-supplied guard. */
export function jasperRoutes(context: RouteContext): Route[] {
  const { inventory, settings } = context;
  const { codes } = settings;
  const unknownDevice = (iccid: string) =>
    jasperError(settings.notFoundStatus, `Invalid ICCID: ${iccid}`, codes.deviceNotFound);

  const getDevice = (request: SimRequest): SimResponse => {
    const device = inventory.get(request.params.iccid!);
    if (!device) return unknownDevice(request.params.iccid!);
    return sparse(details(device), request.query.get('fields'), codes.invalidFields);
  };

  const editDevice = (request: SimRequest): SimResponse => {
    const iccid = request.params.iccid!;
    const device = inventory.get(iccid);
    if (!device) return unknownDevice(iccid);
    const failure = context.faults().deviceFailures[iccid];
    if (failure !== undefined) return jasperError(400, failure, codes.deviceRejected);
    const read = readEdit(request.body, device, context.editContext());
    if (!read.ok) return read.response;
    if (read.effectiveAt === undefined) inventory.apply(iccid, read.edit);
    else inventory.scheduleEdit(iccid, read.edit, read.effectiveAt);
    return { status: 200, body: { iccid } };
  };

  const searchDevices = (request: SimRequest): SimResponse => {
    const { query } = request;
    const since = query.get('modifiedSince');
    if (since === null) return jasperError(400, 'modifiedSince is required', codes.invalidSearch);
    const sinceMs = Date.parse(since);
    if (!Number.isFinite(sinceMs))
      return jasperError(400, `Invalid modifiedSince: ${since}`, codes.invalidSearch);
    let pageSize = positiveInt(query.get('pageSize'), MAX_PAGE_SIZE);
    const pageNumber = positiveInt(query.get('pageNumber'), 1);
    if (Number.isNaN(pageSize) || Number.isNaN(pageNumber))
      return jasperError(
        400,
        'pageSize and pageNumber must be positive integers',
        codes.invalidSearch,
      );
    if (pageSize > MAX_PAGE_SIZE) {
      if (settings.pageSizeOverMax === 'reject')
        return jasperError(400, `pageSize cannot exceed ${MAX_PAGE_SIZE}`, codes.invalidSearch);
      pageSize = MAX_PAGE_SIZE;
    }
    const statusWord = query.get('status');
    const status = statusWord === null ? undefined : JasperStatus.safeParse(statusWord);
    if (status && !status.success)
      return jasperError(400, `Invalid status: ${statusWord}`, codes.invalidStatus);
    const accountId = query.get('accountId');
    const matching = inventory
      .modifiedSince(sinceMs, status?.data)
      .filter((device) => accountId === null || device.accountId === accountId);
    const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
      status: 200,
      body: {
        devices: page.map(({ iccid, status: word, ratePlan, communicationPlan }) => ({
          iccid,
          status: word,
          ratePlan,
          communicationPlan,
        })),
        pageNumber,
        lastPage: pageNumber * pageSize >= matching.length,
      },
    };
  };

  const usage = (request: SimRequest): SimResponse => {
    const device = inventory.get(request.params.iccid!);
    if (!device) return unknownDevice(request.params.iccid!);
    const full = {
      iccid: device.iccid,
      imsi: device.imsi,
      msisdn: device.msisdn,
      imei: device.imei,
      status: device.status,
      ratePlan: device.ratePlan,
      communicationPlan: device.communicationPlan,
      ctdDataUsage: device.usage.dataBytes,
      ctdSMSUsage: device.usage.sms,
      ctdVoiceUsage: device.usage.voiceSeconds,
      ctdSessionCount: device.usage.sessions,
      overageLimitReached: false,
      overageLimitOverride: device.overageLimitOverride,
    };
    return sparse(full, request.query.get('fields'), codes.invalidFields);
  };

  return [
    { method: 'GET', path: `${BASE}/devices`, handler: searchDevices },
    { method: 'GET', path: `${BASE}/devices/:iccid`, handler: getDevice },
    { method: 'PUT', path: `${BASE}/devices/:iccid`, handler: editDevice },
    { method: 'GET', path: `${BASE}/devices/:iccid/ctdUsages`, handler: usage },
  ];
}
