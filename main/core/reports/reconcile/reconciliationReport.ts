import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import type { ReportSource } from '../reportSource';
import type { ZonedTime } from '../zonedTime';

/** One reconciliation run as a report: each device, our records against the carrier's. */
export function reconciliationReport(
  _db: Db,
  _reconciliationId: number,
  _time: ZonedTime,
): ReportSource {
  throw new CoreError('unavailable', 'Reconciliation is not built yet.');
}
