import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import { cached } from '../../store/statements';
import { createRun, finishRun } from './runs';

/**
 * How often a process asking the carriers says it is still at it, and how long its silence must
 * last before its run is taken for dead. The CLI and the app are separate processes on one
 * workspace, so "not running here" does not mean "not running"; only a quiet heartbeat does.
 * A minute is far longer than any pause of a healthy run's event loop.
 */
export const HEARTBEAT_MS = 10_000;
export const DEAD_AFTER_MS = 60_000;

const DIED =
  'Not asked: the reconciliation stopped when the app or command running it closed or crashed.';

/** Marks a run as still being worked on by this process. */
export function beat(db: Db, reconciliationId: number): void {
  cached(db, 'UPDATE reconciliations SET heartbeat_at = ? WHERE id = ?').run(
    new Date().toISOString(),
    reconciliationId,
  );
}

/**
 * Closes as cancelled every run whose process stopped beating: a crash, a killed CLI, a
 * computer switched off. Their unasked devices say why. Returns how many were closed.
 */
export function closeDeadRuns(db: Db, now = Date.now()): number {
  const dead = cached(
    db,
    "SELECT id FROM reconciliations WHERE state = 'running' AND heartbeat_at < ?",
  )
    .pluck()
    .all(new Date(now - DEAD_AFTER_MS).toISOString()) as number[];
  for (const id of dead) finishRun(db, id, true, DIED);
  return dead.length;
}

const when = (stored: string) =>
  new Date(stored).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Starts a run of a bulk change, refusing while another one of it is still asking, in this
 * process or another: two at once would ask every carrier twice.
 */
export function startRun(db: Db, bulkChangeId: number, user: string): number {
  // Immediate: the check and the insert are one step for every process on the workspace.
  return db
    .transaction(() => {
      closeDeadRuns(db);
      const live = cached(
        db,
        "SELECT id, started_by AS user, started_at AS at FROM reconciliations WHERE bulk_change_id = ? AND state = 'running'",
      ).get(bulkChangeId) as { id: number; user: string; at: string } | undefined;
      if (live)
        throw new CoreError(
          'conflict',
          `Bulk change ${bulkChangeId} is being reconciled now (run #${live.id}, started by ${live.user} at ${when(live.at)}); wait for it to finish or cancel it.`,
        );
      return createRun(db, bulkChangeId, user);
    })
    .immediate();
}
