import { carrierError, failAll } from '../errors';
import type { Limiter } from '../limiter';
import type {
  CarrierError,
  DeviceOutcome,
  DeviceRef,
  IdentifierSwap,
  StatusAction,
  StatusOptions,
} from '../types';
import type { ThingSpaceCall } from './api';
import { readDevice } from './devices';
import { FORBIDDEN_CHARACTERS, forbiddenCharacters, ruleMessages } from './errors';
import type { ActionLedger } from './ledger';
import { encodeRequestRef, type RequestRef } from './requestRef';
import { RequestIdResponse, type DeviceIdWire } from './wire';

export interface ChangeContext {
  call: ThingSpaceCall;
  accountName: string;
  ledger: ActionLedger;
  /** Spaces activate calls under ThingSpace's per-minute cap. */
  activations: Limiter;
  deviceIdPath: string;
}

const failed = (device: DeviceRef, error: CarrierError): DeviceOutcome => ({
  kind: 'failed',
  device,
  error,
});
const validation = (message: string) => carrierError('validation', message);
/** A rule the adapter can see is broken before sending; the reason is the line's state word. */
const refusal = (message: string, carrierStatus: string) =>
  carrierError('business_rule', message, { carrierReason: `state: ${carrierStatus}` });
const byIccid = (device: DeviceRef): DeviceIdWire[] => [{ id: device.iccid, kind: 'iccid' }];

/**
 * Sends one change for one device and reports it accepted under its requestId. Every change
 * goes one device per request: the request-status call answers only single-device requests,
 * and a desktop behind NAT receives no callbacks, so a batch could never be followed up
 * (Altaworx builds its ThingSpace bodies the same way, §1.11).
 */
async function send(
  context: ChangeContext,
  device: DeviceRef,
  request: { method: 'POST' | 'PUT'; url: string; data: object },
  expect?: RequestRef['expect'],
): Promise<DeviceOutcome> {
  const result = await context.call(request, RequestIdResponse);
  if (!result.ok) return failed(device, result.error);
  const carrierRequestId = encodeRequestRef({ requestId: result.data.requestId, expect });
  return { kind: 'accepted', device, carrierRequestId };
}

/** Activate, suspend, restore or deactivate, each device in its own request. */
export async function updateStatus(
  context: ChangeContext,
  devices: DeviceRef[],
  action: StatusAction,
  options: StatusOptions = {},
): Promise<DeviceOutcome[]> {
  if (action === 'activate') {
    if (!options.ratePlan)
      return failAll(devices, validation('ThingSpace needs a rate plan to activate a line.'));
    if (!options.zipCode)
      return failAll(
        devices,
        validation('ThingSpace needs the ZIP code the new number (MDN) is drawn from.'),
      );
    if (FORBIDDEN_CHARACTERS.test(options.ratePlan + options.zipCode))
      return failAll(devices, forbiddenCharacters('rate plan or ZIP code'));
  }
  const { accountName } = context;
  return Promise.all(
    devices.map(async (device) => {
      const refused = context.ledger.check(device.iccid, action);
      if (refused) return failed(device, refused);
      const ids = byIccid(device);
      // 4G activations name both the SIM and the device (§1.3).
      if (action === 'activate' && device.imei) ids.push({ id: device.imei, kind: 'imei' });
      const data = {
        accountName,
        devices: [{ deviceIds: ids }],
        ...(action === 'activate' && {
          servicePlan: options.ratePlan,
          mdnZipCode: options.zipCode,
        }),
        // FF is the only reason code ThingSpace accepts (§1.5).
        ...(action === 'deactivate' && { reasonCode: 'FF', etfWaiver: options.etfWaiver ?? false }),
      };
      const request = {
        method: 'POST' as const,
        url: `/api/m2m/v1/devices/actions/${action}`,
        data,
      };
      const outcome =
        action === 'activate'
          ? await context.activations.run(() => send(context, device, request))
          : await send(context, device, request);
      if (outcome.kind === 'accepted') context.ledger.record(device.iccid, action);
      if (outcome.kind === 'failed' && action === 'activate' && outcome.error.code === 'throttled')
        context.activations.pauseFor(outcome.error.retryAfterMs ?? 60_000);
      return outcome;
    }),
  );
}

/**
 * Moves each device to `planCode`. The line is read first: a line already on the plan is
 * done without spending one of its four monthly changes, and a suspended one is refused here
 * with the reason rather than later by the carrier.
 */
export async function changeRatePlan(
  context: ChangeContext,
  devices: DeviceRef[],
  planCode: string,
): Promise<DeviceOutcome[]> {
  if (FORBIDDEN_CHARACTERS.test(planCode))
    return failAll(devices, forbiddenCharacters('rate plan code'));
  return Promise.all(
    devices.map(async (device): Promise<DeviceOutcome> => {
      const refused = context.ledger.check(device.iccid, 'plan');
      if (refused) return failed(device, refused);
      const current = await readDevice(context.call, context.accountName, {
        id: device.iccid,
        kind: 'iccid',
      });
      if (!current.ok) return failed(device, current.error);
      const { state } = current;
      if (state.ratePlan === planCode) return { kind: 'done', device, state };
      if (state.status === 'suspended')
        return failed(device, refusal(ruleMessages.planWhileSuspended, state.carrierStatus));
      if (state.status !== 'active')
        return failed(
          device,
          refusal(
            `ThingSpace changes plans only on active lines, and this line is ${state.status}.`,
            state.carrierStatus,
          ),
        );
      const data = {
        accountName: context.accountName,
        servicePlan: planCode,
        devices: [{ deviceIds: byIccid(device) }],
      };
      const outcome = await send(
        context,
        device,
        { method: 'PUT', url: '/api/m2m/v1/devices/actions/plan', data },
        { kind: 'plan', value: planCode },
      );
      if (outcome.kind === 'accepted') context.ledger.record(device.iccid, 'plan');
      return outcome;
    }),
  );
}

/**
 * Swaps the ICCID, the IMEI or both (`change4gOption`, §1.5). ThingSpace allows it only on an
 * active line with a number and only to an identifier it doesn't hold yet; both are checked
 * first so the desk sees why at once.
 */
export async function changeIdentifier(
  context: ChangeContext,
  device: DeviceRef,
  swap: IdentifierSwap,
): Promise<DeviceOutcome> {
  const { newIccid, newImei } = swap;
  if (!newIccid && !newImei) return failed(device, validation('Give the new ICCID or IMEI.'));
  const option =
    newIccid && newImei ? 'ChangeIMEIandICCID' : newIccid ? 'ChangeICCID' : 'ChangeIMEI';
  const current = await readDevice(context.call, context.accountName, {
    id: device.iccid,
    kind: 'iccid',
  });
  if (!current.ok) return failed(device, current.error);
  if (current.state.status !== 'active' || !current.state.msisdn)
    return failed(device, refusal(ruleMessages.swapNeedsActive, current.state.carrierStatus));
  const wanted = [
    ...(newIccid ? [{ id: newIccid, kind: 'iccid' as const }] : []),
    ...(newImei ? [{ id: newImei, kind: 'imei' as const }] : []),
  ];
  for (const id of wanted) {
    const taken = await readDevice(context.call, context.accountName, id);
    if (taken.ok) return failed(device, refusal(ruleMessages.idTaken, taken.state.carrierStatus));
    if (taken.error.code !== 'not_found') return failed(device, taken.error);
  }
  const imei = current.state.imei;
  const data = {
    deviceIds: option === 'ChangeIMEI' && imei ? [{ id: imei, kind: 'imei' }] : byIccid(device),
    deviceIdsTo: wanted,
    change4gOption: option,
  };
  const expect = newIccid
    ? { kind: 'iccid' as const, value: newIccid }
    : { kind: 'imei' as const, value: newImei! };
  return send(context, device, { method: 'PUT', url: context.deviceIdPath, data }, expect);
}
