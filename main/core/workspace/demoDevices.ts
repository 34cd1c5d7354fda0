import type { DeviceStatus } from '../../../shared/domain/devices';
import { eidCheckDigits, luhnCheckDigit } from '../../../shared/identifiers';
import { demoAreaCodes, demoTacs } from './sandboxCatalog';

/**
 * Valid, unique identifiers for demo device number `index`. Built from the index rather than
 * drawn at random, so a million devices never collide.
 */
export function demoIccid(prefix: string, index: number): string {
  const body = prefix + String(1_000_000 + index).padStart(19 - prefix.length, '0');
  return body + luhnCheckDigit(body).toString();
}

export function demoImei(index: number): string {
  const body =
    demoTacs[index % demoTacs.length]! +
    String(Math.floor(index / demoTacs.length) % 1_000_000).padStart(6, '0');
  return body + luhnCheckDigit(body).toString();
}

/** E.164 digits of a NANP number; the exchange starts 2–9 as NANP requires. */
export function demoMsisdn(index: number): string {
  const area = demoAreaCodes[index % demoAreaCodes.length]!;
  return `1${area}${2_000_000 + Math.floor(index / demoAreaCodes.length)}`;
}

export function demoEid(index: number): string {
  const first30 = '89049032' + String(index).padStart(22, '0');
  return first30 + eidCheckDigits(first30);
}

/** How statuses are spread over a realistic fleet. */
export const statusMix: readonly (readonly [DeviceStatus, number])[] = [
  ['active', 70],
  ['inventory', 14],
  ['suspended', 9],
  ['deactivated', 7],
];
