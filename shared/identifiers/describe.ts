import type { IdentifierKind } from './types';

const DESCRIPTIONS: Record<IdentifierKind, string> = {
  iccid: 'ICCID (SIM card number)',
  imei: 'IMEI (device serial number)',
  imeisv: 'IMEISV (IMEI with software version)',
  msisdn: 'MSISDN (phone number)',
  eid: 'EID (eSIM chip ID)',
};

/** Human name for a kind of identifier, e.g. 'ICCID (SIM card number)'. */
export function describeIdentifier(kind: IdentifierKind): string {
  return DESCRIPTIONS[kind];
}
