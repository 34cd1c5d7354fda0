import type { ChangeType } from '../../../shared/domain/changes';
import { writeBulkChange } from '../bulk/service';
import type { ChangeHandler } from '../changes/handler';
import { submitBulkChange, type PlannedDevice } from '../engine/bulkChanges';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import type { CheckOutcome } from './check';

const LISTED = 3;

/** The reason submit stops when rows still have errors and the desk didn't choose to leave them out. */
function refuseErrors(outcome: CheckOutcome): never {
  const bad = outcome.rows.filter((r) => r.severity === 'error');
  const first = bad
    .slice(0, LISTED)
    .map((r) => `Row ${r.row}: ${r.problems[0]?.message ?? 'has an error.'}`)
    .join(' ');
  throw new CoreError(
    'invalid_request',
    `${bad.length.toLocaleString('en-US')} ${bad.length === 1 ? 'row has' : 'rows have'} errors, so nothing was submitted. ${first}${bad.length > LISTED ? ' …' : ''} Fix them, or choose to leave those rows out.`,
  );
}

/** Refuses, in words, a check that can't be submitted: rows with errors not left out, or none ready. */
export function assertSubmittable(outcome: CheckOutcome, skipErrors: boolean): void {
  if (outcome.summary.errors > 0 && !skipErrors) refuseErrors(outcome);
  if (!outcome.rows.some((r) => r.severity !== 'error' && r.device && r.request))
    throw new CoreError(
      'invalid_request',
      'No row can take this change, so nothing was submitted. Fix the rows with errors first.',
    );
}

/**
 * Writes and queues one bulk change per group of the check, in one transaction: either every
 * bulk change of the file is queued or none is.
 */
export function submitChecked(
  db: Db,
  handler: ChangeHandler,
  changeType: ChangeType,
  outcome: CheckOutcome,
  options: {
    title: string;
    createdBy: string;
    skipErrors: boolean;
    sourceName: string | null;
    sourceSha256?: string;
  },
): { bulkChangeIds: number[]; devices: number; skipped: number } {
  assertSubmittable(outcome, options.skipErrors);
  const skipped = outcome.summary.errors;
  const ready = outcome.rows.filter((r) => r.severity !== 'error' && r.device && r.request);
  const bulkChangeIds = db.transaction(() =>
    outcome.groups.map((group, index) => {
      const planned: PlannedDevice[] = ready
        .filter((r) => r.group === index)
        .map((r) => ({
          device: r.device!,
          result: { ok: true, request: r.request!, changes: r.changes },
        }));
      const label = outcome.summary.groups[index]?.label ?? '';
      const id = writeBulkChange(db, handler, {
        changeType,
        title: outcome.groups.length > 1 ? `${options.title} (${label})` : options.title,
        params: handler.params.parse(group.params),
        createdBy: options.createdBy,
        sourceName: options.sourceName,
        planned,
      });
      if (options.sourceSha256 !== undefined)
        cached(db, 'UPDATE bulk_changes SET source_sha256 = ? WHERE id = ?').run(
          options.sourceSha256,
          id,
        );
      submitBulkChange(db, id);
      return id;
    }),
  )();
  return { bulkChangeIds, devices: ready.length, skipped };
}
