import { z } from 'zod';
import { carrierLabels, type Carrier } from '../../../shared/domain/carriers';
import { deviceStatusLabels, type DeviceStatus } from '../../../shared/domain/devices';
import { jasperCapabilities } from '../carriers/jasper/adapter';
import { pondCapabilities } from '../carriers/pond/adapter';
import { telegenceCapabilities } from '../carriers/telegence/adapter';
import { thingSpaceCapabilities } from '../carriers/thingspace/adapter';
import type { CarrierCapabilities } from '../carriers/types';
import { CoreError } from '../errors';
import type { ChangeHandler } from './handler';
import { Swap, swapListProblems, swapsByIccid } from './identifierChange.swaps';
import { cached } from '../store/statements';

export const IdentifierChangeParams = z.object({
  /** One entry per device, keyed by its current ICCID. */
  swaps: z.array(Swap).min(1, 'Give at least one device with its new ICCID or IMEI.'),
});
export type IdentifierChangeParams = z.infer<typeof IdentifierChangeParams>;

/** One device's swap as queued, in canonical digits. */
const Request = z.object({
  newIccid: z.string().optional(),
  newImei: z.string().optional(),
});

/** plan() has no adapter, so it reads what each carrier declares it can swap. */
const capabilities: Record<Carrier, CarrierCapabilities> = {
  thingspace: thingSpaceCapabilities,
  jasper: jasperCapabilities,
  telegence: telegenceCapabilities,
  pond: pondCapabilities,
};

/** What a device in each status needs before its SIM or IMEI can be swapped. */
const toMakeActive: Record<Exclude<DeviceStatus, 'active'>, string> = {
  inventory: 'activate it first',
  suspended: 'restore it first',
  deactivated: 'activate it first, or give the new SIM its own activation instead',
  pending: 'wait until its activation completes',
};

const MAX_LISTED = 5;

/** ICCID and/or IMEI swaps (SIM or hardware replacement), sent to the device's carrier. */
export const identifierChange: ChangeHandler<IdentifierChangeParams> = {
  type: 'identifierChange',
  params: IdentifierChangeParams,
  target: 'carrier',
  operation: () => 'identifier',

  checkParams(db, params) {
    const problems = swapListProblems(db, params.swaps);
    if (problems.length === 0) return;
    const more = problems.length > MAX_LISTED ? ` …and ${problems.length - MAX_LISTED} more.` : '';
    throw new CoreError(
      'invalid_request',
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in the swap list: ${problems.slice(0, MAX_LISTED).join(' ')}${more}`,
    );
  },

  plan(_db, params, device) {
    const swap = swapsByIccid(params.swaps).get(device.iccid);
    if (!swap || (swap.ok && swap.newIccid === undefined && swap.newImei === undefined))
      return {
        ok: false,
        reason: `No new ICCID or IMEI was given for ICCID ${device.iccid}; add it to the swap list or leave the device out.`,
      };
    if (!swap.ok) return { ok: false, reason: swap.message };
    const label = carrierLabels[device.carrier];
    const can = capabilities[device.carrier].identifierChanges;
    const missing = [
      ...(swap.newIccid !== undefined && !can.includes('iccid') ? ['an ICCID'] : []),
      ...(swap.newImei !== undefined && !can.includes('imei') ? ['an IMEI'] : []),
    ];
    if (missing.length > 0)
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is on ${label}, which can't swap ${missing.join(' or ')} through its API; do it in the ${label} portal.`,
      };
    if (device.status !== 'active')
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is ${deviceStatusLabels[device.status].toLowerCase()}; carriers swap an ICCID or IMEI only on an active line, so ${toMakeActive[device.status]}.`,
      };
    // ThingSpace changes a device ID only on a line with an MDN (carrier-apis.md §1.10).
    if (device.carrier === 'thingspace' && !device.msisdn)
      return {
        ok: false,
        reason: `ICCID ${device.iccid} has no MDN, and ${label} swaps an ICCID or IMEI only on a line with one; check the line in ThingSpace before swapping.`,
      };
    const request = { newIccid: swap.newIccid, newImei: swap.newImei };
    return {
      ok: true,
      request,
      changes: [
        ...(swap.newIccid !== undefined
          ? [{ field: 'iccid', from: device.iccid, to: swap.newIccid }]
          : []),
        ...(swap.newImei !== undefined
          ? [{ field: 'imei', from: device.imei, to: swap.newImei }]
          : []),
      ],
    };
  },

  // One device per call: no carrier swaps identifiers in bulk. The lane limits the pace.
  send(adapter, _params, items) {
    return Promise.all(
      items.map(({ device, request }) =>
        adapter.changeIdentifier(
          { iccid: device.iccid, imei: device.imei, msisdn: device.msisdn },
          Request.parse(request),
        ),
      ),
    );
  },

  /**
   * The engine reads the state by the OLD ICCID. A carrier that has already moved the line to
   * the new SIM may answer not_found for it, and then this is never asked: that row goes to
   * review. When the state still shows the old values, an async carrier may be holding an
   * accepted swap, so we can't tell; resending would race it.
   */
  isApplied(state, _params, item) {
    const { newIccid, newImei } = Request.parse(item.request);
    const iccidDone = newIccid === undefined || state.iccid === newIccid;
    // A carrier that reports no IMEI can't confirm an IMEI swap.
    if (newImei !== undefined && state.imei === null) return undefined;
    const imeiDone = newImei === undefined || state.imei === newImei;
    if (iccidDone && imeiDone) return true;
    return capabilities[item.device.carrier].completion === 'async' ? undefined : false;
  },

  applyLocal(db, _params, item, state) {
    const { newIccid, newImei } = Request.parse(item.request);
    if (newIccid !== undefined) {
      const holder = cached(db, 'SELECT id FROM devices WHERE iccid = ? AND id <> ?').get(
        newIccid,
        item.device.id,
      );
      if (holder)
        throw new CoreError(
          'conflict',
          `The carrier moved ICCID ${item.device.iccid} to SIM ${newIccid}, but another device in the inventory now has that ICCID; remove the duplicate, then review this device.`,
        );
    }
    cached(
      db,
      `UPDATE devices SET iccid = coalesce(@newIccid, iccid), imei = coalesce(@newImei, imei),
         msisdn = coalesce(@msisdn, msisdn), updated_at = @now
       WHERE id = @id`,
    ).run({
      id: item.device.id,
      newIccid: newIccid ?? null,
      newImei: newImei ?? null,
      msisdn: state?.msisdn ?? null,
      now: new Date().toISOString(),
    });
  },
};
