import type { SimResponse } from '../common/router';
import type { DeviceIdWire } from './inventory';

/** ThingSpace's synchronous error envelope ([doc] §1.8), HTTP 400 unless told otherwise. */
export const vzError = (errorCode: string, errorMessage: string, status = 400): SimResponse => ({
  status,
  body: { errorCode, errorMessage },
});

/** The keys each body model has ([doc] §1.5/§1.6 SDK models) and the ones it must have. */
export interface BodySpec {
  known: readonly string[];
  required: readonly string[];
}

const FILTERS = ['customFields', 'groupName', 'servicePlan'] as const;

export const specs = {
  activate: {
    known: [
      'accountName',
      'carrierIpPoolName',
      'carrierName',
      'costCenterCode',
      'customFields',
      'devices',
      'groupName',
      'leadId',
      'mdnZipCode',
      'primaryPlaceOfUse',
      'publicIpRestriction',
      'servicePlan',
      'skuNumber',
    ],
    required: ['devices', 'servicePlan', 'mdnZipCode'],
  },
  deactivate: {
    known: [
      'accountName',
      'devices',
      'reasonCode',
      'etfWaiver',
      'deleteAfterDeactivation',
      ...FILTERS,
    ],
    required: ['accountName', 'devices', 'reasonCode'],
  },
  // Group and custom-field targeting is not simulated, so `devices` is required here.
  suspendRestore: {
    known: ['accountName', 'devices', 'withBilling', ...FILTERS],
    required: ['devices'],
  },
  plan: {
    known: [
      'accountName',
      'currentServicePlan',
      'devices',
      'carrierIpPoolName',
      'takeEffect',
      ...FILTERS,
    ],
    required: ['servicePlan', 'devices'],
  },
  deviceId: {
    known: [
      'accountName',
      'deviceIds',
      'deviceIdsTo',
      'change4gOption',
      'assignNonGeoMdn',
      'npaNxx',
      'servicePlan',
      'zipCode',
      'smsrOid',
    ],
    required: ['deviceIds', 'change4gOption'],
  },
  list: {
    known: [
      'accountName',
      'deviceId',
      'filter',
      'currentState',
      'customFields',
      'earliest',
      'latest',
      'groupName',
      'servicePlan',
      'maxNumberOfDevices',
      'largestDeviceIdSeen',
    ],
    required: [],
  },
} satisfies Record<string, BodySpec>;

const BAD_CHARACTER = /['<\\]/;

function hasBadCharacter(value: unknown): boolean {
  if (typeof value === 'string') return BAD_CHARACTER.test(value);
  if (Array.isArray(value)) return value.some(hasBadCharacter);
  if (value && typeof value === 'object') return Object.values(value).some(hasBadCharacter);
  return false;
}

/**
 * The checks every ThingSpace body passes before anything happens: JSON object, no `'`, `<`
 * or `\`, no unknown keys (if so configured), required keys present, a known account.
 */
export function checkBody(
  body: unknown,
  spec: BodySpec,
  options: { rejectUnknownKeys: boolean; accountName: string },
): SimResponse | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return vzError(
      'DeviceService.INPUT_INVALID.DeserializationFailed',
      'The request body could not be read.',
    );
  if (hasBadCharacter(body))
    return vzError(
      'UnifiedWebService.INPUT_INVALID.Request.InvalidCharacter',
      "The request contains an invalid character (', < or \\).",
    );
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !spec.known.includes(key));
  if (options.rejectUnknownKeys && unknown !== undefined)
    return vzError(
      'DeviceService.INPUT_INVALID.UnrecognizedField',
      `Unrecognized field '${unknown}'.`,
    );
  const missing = spec.required.find((key) => record[key] === undefined || record[key] === '');
  if (missing !== undefined)
    return vzError('DeviceService.INPUT_INVALID.RequestUndefined', `'${missing}' is required.`);
  if (record.accountName !== undefined && record.accountName !== options.accountName)
    return vzError('UnifiedWebService.REQUEST_FAILED.AccountNotFound', 'Account not found.');
  return undefined;
}

const KINDS = new Set(['esn', 'eid', 'iccid', 'imei', 'mdn', 'meid', 'msisdn']);

/** One `{id, kind}` list, or undefined when it is not one. */
export function readDeviceIds(value: unknown): DeviceIdWire[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const ids: DeviceIdWire[] = [];
  for (const item of value) {
    const { id, kind } = (item ?? {}) as { id?: unknown; kind?: unknown };
    if (typeof id !== 'string' || typeof kind !== 'string' || !KINDS.has(kind.toLowerCase()))
      return undefined;
    ids.push({ id, kind });
  }
  return ids;
}

/** The `devices` array of an action body: each entry's `deviceIds`. */
export function readDevices(value: unknown): DeviceIdWire[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const devices: DeviceIdWire[][] = [];
  for (const entry of value) {
    const ids = readDeviceIds((entry as { deviceIds?: unknown } | null)?.deviceIds);
    if (!ids) return undefined;
    devices.push(ids);
  }
  return devices;
}
