import { z } from 'zod';
import type { DeviceStatus } from '../../../../shared/domain/devices';
import { carrierStatusWords } from '../../carriers/statuses';

/**
 * Control Center's SIM status values in their REST spelling. The SOAP API documents them with a
 * `_NAME` suffix; the REST names are inferred from it (reference §2.6), TRIAL only "possibly".
 * The simulator keeps its own list rather than the adapter's, so a wrong word in either shows.
 */
export const JasperStatus = z.enum([
  'TEST_READY',
  'INVENTORY',
  'TRIAL',
  'ACTIVATION_READY',
  'ACTIVATED',
  'DEACTIVATED',
  'RETIRED',
  'PURGED',
  'REPLACED',
]);
export type JasperStatus = z.infer<typeof JasperStatus>;

/** The word a seeded device starts with: the sandbox seed's own vocabulary (carriers/statuses.ts). */
export const seededStatus = (status: DeviceStatus): JasperStatus =>
  JasperStatus.parse(carrierStatusWords.jasper[status]);

/**
 * [assumed] Which moves an enterprise API user may make. Cisco's matrix is not public and
 * depends on account configuration; the reference's defaults are: nothing leaves RETIRED or
 * PURGED, and INVENTORY → ACTIVATED is allowed. PURGED and REPLACED are set by the operator
 * or by Control Center itself, so no API move leads to them, and a REPLACED SIM stays so.
 */
export const defaultTransitions: Partial<Record<JasperStatus, JasperStatus[]>> = {
  TEST_READY: ['INVENTORY', 'ACTIVATION_READY', 'ACTIVATED', 'DEACTIVATED', 'RETIRED'],
  INVENTORY: ['TEST_READY', 'ACTIVATION_READY', 'ACTIVATED', 'DEACTIVATED', 'RETIRED'],
  TRIAL: ['ACTIVATION_READY', 'ACTIVATED', 'DEACTIVATED', 'RETIRED'],
  ACTIVATION_READY: ['TEST_READY', 'INVENTORY', 'ACTIVATED', 'DEACTIVATED', 'RETIRED'],
  ACTIVATED: ['DEACTIVATED', 'RETIRED'],
  DEACTIVATED: ['ACTIVATED', 'ACTIVATION_READY', 'RETIRED'],
  RETIRED: [],
  PURGED: [],
  REPLACED: [],
};
