import type { DeviceStatus } from '../../../../shared/domain/devices';
import { carrierStatusWords } from '../statuses';
import type { PondDeviceStatus } from './schemas';

const words = carrierStatusWords.pond;
const byWord = new Map(
  (Object.entries(words) as [DeviceStatus, string][]).map(([status, word]) => [word, status]),
);

/**
 * Our status and POND's word for a device-status answer. POND's word wins when we know it;
 * otherwise the flags decide, as the reference describes: every service enabled means active.
 */
export function pondStatus(answer: PondDeviceStatus): {
  status: DeviceStatus;
  carrierStatus: string;
} {
  const named = answer.Status === undefined ? undefined : byWord.get(answer.Status);
  if (named) return { status: named, carrierStatus: answer.Status! };
  const flags = Object.values(answer.Services);
  const allOn = flags.length > 0 && flags.every(Boolean);
  return {
    status: allOn ? 'active' : 'suspended',
    carrierStatus: answer.Status ?? (allOn ? words.active : words.suspended),
  };
}
