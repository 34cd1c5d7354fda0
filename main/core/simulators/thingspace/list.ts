import type { SimResponse } from '../common/router';
import { toWireDevice, type SimLine } from './inventory';
import type { ThingSpaceWorld } from './routes';
import { readDeviceIds, vzError } from './validation';

interface IdentifierFilter {
  kind?: unknown;
  contains?: unknown;
  startswith?: unknown;
  endswith?: unknown;
}

/** `devices/actions/list`: filtered, oldest first, paged; HTTP 202 when more pages remain. */
export function listDevices(world: ThingSpaceWorld, body: Record<string, unknown>): SimResponse {
  const settings = world.settings();
  const one = body.deviceId === undefined ? undefined : readDeviceIds([body.deviceId]);
  if (body.deviceId !== undefined && !one)
    return vzError('DeviceService.INPUT_INVALID.DeviceId', "'deviceId' must be {id, kind}.");
  const filters = ((body.filter as { deviceIdentifierFilters?: unknown } | undefined)
    ?.deviceIdentifierFilters ?? []) as IdentifierFilter[];
  const earliest = typeof body.earliest === 'string' ? Date.parse(body.earliest) : Number.NaN;
  const state = typeof body.currentState === 'string' ? body.currentState.toLowerCase() : undefined;
  const idOf = (line: SimLine, kind: unknown) =>
    ({ iccid: line.iccid, imei: line.imei, msisdn: line.msisdn })[String(kind).toLowerCase()] ?? '';
  const matches = world.inventory.lines
    .filter((line) => !one || world.inventory.find(one[0]!) === line)
    .filter((line) =>
      filters.every((f) => {
        const id = idOf(line, f.kind);
        return (
          id.includes(String(f.contains ?? '')) &&
          (typeof f.startswith !== 'string' || id.startsWith(f.startswith)) &&
          (typeof f.endswith !== 'string' || id.endsWith(f.endswith))
        );
      }),
    )
    .filter((line) => state === undefined || line.state === state)
    .filter((line) => Number.isNaN(earliest) || line.createdAt >= earliest)
    .sort((a, b) => a.createdAt - b.createdAt);
  const asked = typeof body.maxNumberOfDevices === 'number' ? body.maxNumberOfDevices : 0;
  const pageSize = asked > 0 ? Math.min(asked, settings.listPageSize) : settings.listPageSize;
  const page = matches.slice(0, pageSize);
  const hasMoreData = matches.length > page.length;
  return {
    status: hasMoreData ? 202 : 200,
    body: {
      hasMoreData,
      devices: page.map((line) => toWireDevice(line, world.accountName, settings.pendingStateWord)),
    },
  };
}
