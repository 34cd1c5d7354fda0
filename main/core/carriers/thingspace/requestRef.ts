/**
 * The id the engine keeps for an accepted change: ThingSpace's requestId, plus, for plan and
 * ID changes, what the device list will show once the change is done. The request-status
 * call is documented only for activate, deactivate, suspend and restore (§1.7), so those two
 * need a way to complete by reading the device if the carrier won't give their status.
 */
export interface RequestRef {
  requestId: string;
  expect?: { kind: 'plan' | 'iccid' | 'imei'; value: string };
}

export const encodeRequestRef = ({ requestId, expect }: RequestRef): string =>
  expect ? `${requestId} ${expect.kind}:${expect.value}` : requestId;

export function decodeRequestRef(ref: string): RequestRef {
  const space = ref.indexOf(' ');
  if (space < 0) return { requestId: ref };
  const requestId = ref.slice(0, space);
  const rest = ref.slice(space + 1);
  const colon = rest.indexOf(':');
  const kind = rest.slice(0, colon);
  if (colon < 0 || (kind !== 'plan' && kind !== 'iccid' && kind !== 'imei')) return { requestId };
  return { requestId, expect: { kind, value: rest.slice(colon + 1) } };
}
