import type { AxiosRequestConfig } from 'axios';
import type { z } from 'zod';
import type { JasperCredentials } from '../../../../shared/domain/credentials';
import { defaultLimiter, type AdapterOptions } from '../adapterOptions';
import { carrierError, unsupported } from '../errors';
import { createCarrierHttp } from '../http/client';
import type {
  CarrierAdapter,
  CarrierCapabilities,
  CarrierError,
  DeviceOutcome,
  DeviceRef,
} from '../types';
import { DeviceDetails, EditAnswer, SearchPage, restBase } from './answers';
import { CredentialGate, basicAuthorization } from './auth';
import { CARRIER_NAME, malformed, reasonOf, refineError, type Doing } from './errors';
import { readAllPages, type SearchResult } from './search';
import { actionWords, ourStatus, targetStatus } from './statusMap';

export type { SearchResult, SyncedDevice } from './search';

/**
 * What Control Center's REST API offers the console (reference §2): one synchronous Edit Device
 * Details call per SIM for status and plans; one call at a time at ≤ 5 per second per API user.
 * It has no ICCID or IMEI field to edit (the IMEI is what the network reports) and no REST call
 * that lists rate plans.
 */
export const jasperCapabilities: CarrierCapabilities = {
  changeTypes: ['statusUpdate', 'carrierRatePlanChange'],
  statusActions: ['activate', 'suspend', 'restore', 'deactivate'],
  maxDevicesPerCall: 1,
  completion: 'sync',
  defaultConcurrency: 1,
  defaultRatePerSecond: 5,
  identifierChanges: [],
  ratePlanCatalog: false,
  activationNeeds: [],
  requestFor: () => 'PUT /rws/api/v1/devices/{iccid} (Edit Device Details)',
};

/** The Control Center adapter, with the extra calls only this carrier has. */
export interface JasperAdapter extends CarrierAdapter {
  /** Every device Control Center changed at or after `since`, all pages read: for sync. */
  searchModifiedSince(since: Date): Promise<SearchResult>;
  /** Moves SIMs to another communication plan. */
  changeCommunicationPlan(devices: DeviceRef[], plan: string): Promise<DeviceOutcome[]>;
}

type Answer<T> = { ok: true; value: T; status: number } | { ok: false; error: CarrierError };

const PAGE_SIZE = 50;

const devicePath = (iccid: string) => `/devices/${encodeURIComponent(iccid)}`;

/** Builds the adapter for one Control Center API user. */
export function createJasperAdapter(options: AdapterOptions<JasperCredentials>): JasperAdapter {
  // Only these two fields: callers may pass a wider object (the registry adds `carrier`).
  const { username, apiKey } = options.credentials;
  const authorization = basicAuthorization({ username, apiKey });
  const http = createCarrierHttp({
    carrierName: CARRIER_NAME,
    baseURL: restBase(options.baseUrl),
    limiter: options.limiter ?? defaultLimiter(jasperCapabilities),
    timeoutMs: options.timeoutMs,
    secrets: () => [apiKey, authorization.slice('Basic '.length)],
    secretHeaders: ['Authorization'],
    reasonOf,
    onExchange: options.onExchange,
  });
  const gate = new CredentialGate();

  async function call<S extends z.ZodType>(
    config: AxiosRequestConfig,
    schema: S,
    doing: Doing,
  ): Promise<Answer<z.output<S>>> {
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: 'application/json',
    };
    if (config.data !== undefined) headers['Content-Type'] = 'application/json';
    const result = await gate.run(() => http.request<unknown>({ ...config, headers }));
    if (!result.ok) return { ok: false, error: refineError(result, doing) };
    const parsed = schema.safeParse(result.data);
    if (!parsed.success) return { ok: false, error: malformed(doing.what, result.status) };
    return { ok: true, value: parsed.data, status: result.status };
  }

  /** One Edit Device Details call: synchronous, and done only when Control Center echoes the ICCID. */
  async function edit(
    device: DeviceRef,
    body: Record<string, string>,
    what: string,
  ): Promise<DeviceOutcome> {
    const answer = await call(
      { method: 'PUT', url: devicePath(device.iccid), data: body },
      EditAnswer,
      { what, iccid: device.iccid },
    );
    if (!answer.ok) return { kind: 'failed', device, error: answer.error };
    // Edits set absolute values, so retrying after an answer we can't trust is safe.
    if (answer.value.iccid !== device.iccid)
      return { kind: 'failed', device, error: malformed(what, answer.status) };
    return { kind: 'done', device };
  }

  const search = (since: Date, pageNumber: number, pageSize: number) =>
    call(
      {
        method: 'GET',
        // In the URL rather than axios `params`, so the logged exchange shows the query.
        url: `/devices?${new URLSearchParams({
          modifiedSince: since.toISOString(),
          pageSize: String(pageSize),
          pageNumber: String(pageNumber),
        }).toString()}`,
      },
      SearchPage,
      { what: `list the devices changed since ${since.toISOString()}` },
    );

  return {
    carrier: 'jasper',
    capabilities: jasperCapabilities,

    async testConnection() {
      // The cheapest authenticated read: devices changed in the last minute, one row at most.
      const answer = await search(new Date(Date.now() - 60_000), 1, 1);
      return answer.ok ? { ok: true } : { ok: false, error: answer.error };
    },

    updateStatus(devices, action, statusOptions = {}) {
      const status = targetStatus[action];
      // An activation may name the plan to start on; Edit Device Details takes both at once.
      const body: Record<string, string> = { status };
      if (action === 'activate' && statusOptions.ratePlan) body.ratePlan = statusOptions.ratePlan;
      return Promise.all(
        devices.map((device) => edit(device, body, actionWords(action, device.iccid))),
      );
    },

    changeRatePlan(devices, planCode) {
      return Promise.all(
        devices.map((device) =>
          edit(device, { ratePlan: planCode }, `move SIM ${device.iccid} to rate plan ${planCode}`),
        ),
      );
    },

    changeCommunicationPlan(devices, plan) {
      return Promise.all(
        devices.map((device) =>
          edit(
            device,
            { communicationPlan: plan },
            `move SIM ${device.iccid} to communication plan ${plan}`,
          ),
        ),
      );
    },

    async changeIdentifier(device) {
      return unsupported(
        [device],
        'changing a SIM’s ICCID or IMEI: Edit Device Details has no such field, and the IMEI is what the network reports',
        CARRIER_NAME,
      )[0]!;
    },

    async getDeviceState(device) {
      const answer = await call({ method: 'GET', url: devicePath(device.iccid) }, DeviceDetails, {
        what: `read SIM ${device.iccid}`,
        iccid: device.iccid,
      });
      if (!answer.ok) return answer;
      const { status, ...rest } = answer.value;
      return { ok: true, state: { ...rest, status: ourStatus(status), carrierStatus: status } };
    },

    async pollRequest() {
      return {
        kind: 'failed',
        error: carrierError(
          'unsupported',
          `${CARRIER_NAME} completes every change at once; there is no request to poll.`,
        ),
      };
    },

    async fetchRatePlans() {
      return {
        ok: false,
        error: carrierError(
          'unsupported',
          `${CARRIER_NAME} has no API that lists rate plans; enter plan names exactly as Control Center shows them.`,
        ),
      };
    },

    searchModifiedSince(since) {
      return readAllPages(
        async (pageNumber) => {
          const answer = await search(since, pageNumber, PAGE_SIZE);
          return answer.ok ? { ok: true, page: answer.value } : answer;
        },
        () =>
          carrierError(
            'malformed_response',
            `${CARRIER_NAME} kept sending pages without marking the last one; the search was stopped.`,
          ),
      );
    },

    // Nothing to release: Basic auth holds no session, and the lane belongs to the account.
    async close() {},
  };
}
