import type { SimRequest, SimResponse } from '../common/router';
import type { PondSettings } from './settings';
import {
  packageTypeIdOnWire,
  statusWord,
  type PondDevice,
  type PondInventory,
  type PondPackage,
  type PondPackageType,
} from './state';

/** POND's error body [assumed]: a code a client can branch on and words for a person. */
export const pondError = (status: number, code: string, message: string): SimResponse => ({
  status,
  body: { ErrorCode: code, Message: message },
});

export const deviceNotFound = (iccid: string): SimResponse =>
  pondError(404, 'DEVICE_NOT_FOUND', `No SIM with ICCID ${iccid} in this distributor account.`);

export function deviceStatusBody(device: PondDevice, settings: PondSettings) {
  return {
    ICCID: device.iccid,
    IMEI: device.imei,
    MSISDN: device.msisdn,
    ...(settings.reportStatusWord ? { Status: statusWord(device) } : {}),
    Services: { ...device.services },
  };
}

export function packageBody(pkg: PondPackage, inventory: PondInventory) {
  return {
    PackageId: pkg.id,
    ICCID: pkg.iccid,
    PackageTypeId: packageTypeIdOnWire(pkg.typeCode),
    Name: inventory.packageType(pkg.typeCode)?.name ?? pkg.typeCode,
    Status: pkg.status,
    CreatedDate: pkg.createdAt,
    ActivatedDate: pkg.activatedAt,
    TerminatedDate: pkg.terminatedAt,
  };
}

export const packageTypeBody = (type: PondPackageType) => ({
  PackageTypeId: packageTypeIdOnWire(type.code),
  Name: type.name,
  Status: 'ACTIVE',
  DataUsageAllowanceInBytes: null,
});

/** One page of a list: `offset`/`count` in, `{…, Total, IsLastPage}` out (carrier-apis.md §4.2). */
export function listPage<T>(request: SimRequest, items: T[], settings: PondSettings): SimResponse {
  const offset = Number(request.query.get('offset') ?? '0');
  const asked = Number(request.query.get('count') ?? String(settings.defaultPageSize));
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(asked) || asked < 1)
    return pondError(400, 'INVALID_PAGING', 'offset must be 0 or more and count 1 or more.');
  const count = Math.min(asked, settings.maxPageSize);
  const elements = items.slice(offset, offset + count);
  return {
    status: 200,
    body: {
      Offset: offset,
      Count: count,
      Total: items.length,
      IsLastPage: offset + count >= items.length,
      Elements: elements,
    },
  };
}

/** The carrier-shaped answers the common server sends for injected trouble and unknown paths. */
export const pondShapes = {
  throttled: (retryAfterSeconds: number): SimResponse => ({
    ...pondError(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded. Slow down and retry later.'),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
  serverError: (): SimResponse =>
    pondError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.'),
  notFound: (request: SimRequest): SimResponse =>
    pondError(404, 'RESOURCE_NOT_FOUND', `No resource at ${request.method} ${request.path}.`),
};
