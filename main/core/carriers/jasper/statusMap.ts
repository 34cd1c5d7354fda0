import type { DeviceStatus } from '../../../../shared/domain/devices';
import { carrierStatusWords } from '../statuses';
import type { StatusAction } from '../types';

const words = carrierStatusWords.jasper;

/**
 * The SIM status each of our actions sets. Control Center has no suspend: a suspended line is
 * DEACTIVATED (no connection, billed only to a commitment) and can be ACTIVATED again, while our
 * deactivate is RETIRED, which Control Center never lets an enterprise user undo.
 */
export const targetStatus: Record<StatusAction, string> = {
  activate: words.active,
  suspend: words.suspended,
  restore: words.active,
  deactivate: words.deactivated,
};

/**
 * Every Control Center status in our vocabulary. The never-used states (TEST_READY, INVENTORY,
 * ACTIVATION_READY, TRIAL) are all inventory; PURGED and REPLACED SIMs are out of service for good.
 */
const ours: Record<string, DeviceStatus> = {
  TEST_READY: 'inventory',
  INVENTORY: 'inventory',
  TRIAL: 'inventory',
  ACTIVATION_READY: 'inventory',
  ACTIVATED: 'active',
  DEACTIVATED: 'suspended',
  RETIRED: 'deactivated',
  PURGED: 'deactivated',
  REPLACED: 'deactivated',
};

/**
 * Our status for a Control Center word. The REST spellings are inferred from the SOAP API's
 * `_NAME` forms, so those are accepted too; a word we don't know is `pending`, with the
 * carrier's own word kept beside it for the desk to read.
 */
export function ourStatus(carrierStatus: string): DeviceStatus {
  const word = carrierStatus
    .trim()
    .toUpperCase()
    .replace(/_NAME$/, '');
  return ours[word] ?? 'pending';
}

/** Plain words for what an action does to one SIM, for the desk's error messages. */
export const actionWords = (action: StatusAction, iccid: string): string =>
  ({
    activate: `activate SIM ${iccid}`,
    suspend: `suspend SIM ${iccid} (set it to DEACTIVATED)`,
    restore: `restore SIM ${iccid} (set it back to ACTIVATED)`,
    deactivate: `retire SIM ${iccid}`,
  })[action];
