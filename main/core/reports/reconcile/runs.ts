import type { ReconciliationSummary } from '../../../../shared/contract/reports';
import type { CarrierDeviceState } from '../../carriers/types';
import { assertRedacted } from '../../audit/secretGuard';
import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import { cached } from '../../store/statements';

/** Our record of a device as it was when its carrier was asked. */
export interface OurRecord {
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  status: string | null;
  ratePlan: string | null;
}

/** One device's result, as a run stores it. */
export interface RowResult {
  deviceChangeId: number;
  ours: OurRecord;
  carrier: CarrierDeviceState | null;
  verdict: 'match' | 'differs' | 'not_checked';
  differences: string | null;
  askedAt: string | null;
  lookupError: string | null;
}

const SUMMARY = `SELECT id AS reconciliationId, bulk_change_id AS bulkChangeId, started_at AS startedAt,
  finished_at AS finishedAt, state, devices, matching, differences, not_checked AS notChecked
  FROM reconciliations`;

/**
 * Starts a run: one not-checked row per device change, with our record as it stands now, so
 * a run stopped at any point already lists every device. `startRun` checks that no other run
 * of the bulk change is still asking first.
 */
export function createRun(db: Db, bulkChangeId: number, user: string): number {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const id = Number(
      cached(
        db,
        "INSERT INTO reconciliations (bulk_change_id, state, started_by, started_at, heartbeat_at) VALUES (?, 'running', ?, ?, ?)",
      ).run(bulkChangeId, user, now, now).lastInsertRowid,
    );
    const devices = cached(
      db,
      `INSERT INTO reconciliation_rows (reconciliation_id, device_change_id, account_id, outcome,
         ours_iccid, ours_imei, ours_msisdn, ours_status, ours_rate_plan, verdict)
       SELECT @id, dc.id, d.carrier_account_id, dc.status, coalesce(d.iccid, dc.iccid, ''),
         coalesce(d.imei, dc.imei), d.msisdn, d.status, p.code, 'not_checked'
       FROM device_changes dc
       LEFT JOIN devices d ON d.id = dc.device_id
       LEFT JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id
       WHERE dc.bulk_change_id = @bulk`,
    ).run({ id, bulk: bulkChangeId }).changes;
    cached(db, 'UPDATE reconciliations SET devices = ?, not_checked = ? WHERE id = ?').run(
      devices,
      devices,
      id,
    );
    return id;
  })();
}

/**
 * Carrier text is kept for good, as the audit log is: the same check that no credential slipped
 * past the adapters' redaction. A leak is a bug, so the batch is refused and the run stops.
 */
function assertNoSecrets(row: RowResult, bulkChangeId: number): void {
  const where = `ICCID ${row.ours.iccid}`;
  const refusing = `The reconciliation of bulk change ${bulkChangeId} refused to keep an answer`;
  assertRedacted(row.lookupError, `lookup error for ${where}`, refusing);
  assertRedacted(row.differences, `differences for ${where}`, refusing);
  const c = row.carrier;
  if (!c) return;
  for (const [field, text] of [
    ['status', c.carrierStatus],
    ['rate plan', c.ratePlan],
    ['communication plan', c.communicationPlan],
  ] as const)
    assertRedacted(text, `carrier ${field} for ${where}`, refusing);
}

/** Stores a batch of answers and the run's counts in one transaction. */
export function saveRows(
  db: Db,
  run: { reconciliationId: number; bulkChangeId: number },
  rows: readonly RowResult[],
): void {
  const { reconciliationId } = run;
  for (const row of rows) assertNoSecrets(row, run.bulkChangeId);
  const update = cached(
    db,
    `UPDATE reconciliation_rows SET ours_iccid = @iccid, ours_imei = @imei, ours_msisdn = @msisdn,
       ours_status = @status, ours_rate_plan = @ratePlan, carrier_iccid = @cIccid, carrier_imei = @cImei,
       carrier_msisdn = @cMsisdn, carrier_status = @cStatus, carrier_status_word = @cWord,
       carrier_rate_plan = @cPlan, carrier_communication_plan = @cComm, verdict = @verdict,
       differences = @differences, asked_at = @askedAt, lookup_error = @lookupError
     WHERE reconciliation_id = @run AND device_change_id = @deviceChangeId`,
  );
  db.transaction(() => {
    for (const row of rows) {
      const c = row.carrier;
      update.run({
        run: reconciliationId,
        deviceChangeId: row.deviceChangeId,
        ...row.ours,
        cIccid: c?.iccid ?? null,
        cImei: c?.imei ?? null,
        cMsisdn: c?.msisdn ?? null,
        cStatus: c?.status ?? null,
        cWord: c?.carrierStatus ?? null,
        cPlan: c?.ratePlan ?? null,
        cComm: c?.communicationPlan ?? null,
        verdict: row.verdict,
        differences: row.differences,
        askedAt: row.askedAt,
        lookupError: row.lookupError,
      });
    }
    // Every row starts not checked and is answered once: the batch moves its rows' counts, so
    // a 100k-device run doesn't count all its rows again every few hundred answers.
    const matching = rows.filter((r) => r.verdict === 'match').length;
    const differing = rows.filter((r) => r.verdict === 'differs').length;
    cached(
      db,
      `UPDATE reconciliations SET matching = matching + @matching,
         differences = differences + @differing, not_checked = not_checked - @matching - @differing
       WHERE id = @id`,
    ).run({ id: reconciliationId, matching, differing });
  })();
}

/** The counts from the rows themselves, once a run ends (whatever happened on the way). */
function recount(db: Db, reconciliationId: number): void {
  cached(
    db,
    `UPDATE reconciliations SET
       matching = (SELECT count(*) FROM reconciliation_rows WHERE reconciliation_id = @id AND verdict_order = 2),
       differences = (SELECT count(*) FROM reconciliation_rows WHERE reconciliation_id = @id AND verdict_order = 0),
       not_checked = (SELECT count(*) FROM reconciliation_rows WHERE reconciliation_id = @id AND verdict_order = 1)
     WHERE id = @id`,
  ).run({ id: reconciliationId });
}

const NOT_ASKED = `UPDATE reconciliation_rows SET lookup_error = @why
  WHERE reconciliation_id = @id AND asked_at IS NULL AND lookup_error IS NULL`;

/** Ends a run: complete, or cancelled with every device not asked saying why. */
export function finishRun(
  db: Db,
  reconciliationId: number,
  cancelled: boolean,
  why = 'Not asked: the reconciliation was cancelled before this device.',
): void {
  db.transaction(() => {
    if (cancelled) cached(db, NOT_ASKED).run({ id: reconciliationId, why });
    recount(db, reconciliationId);
    cached(db, 'UPDATE reconciliations SET state = ?, finished_at = ? WHERE id = ?').run(
      cancelled ? 'cancelled' : 'complete',
      new Date().toISOString(),
      reconciliationId,
    );
  })();
}

/** One run's counts. */
export function runSummary(db: Db, reconciliationId: number): ReconciliationSummary {
  const run = cached(db, `${SUMMARY} WHERE id = ?`).get(reconciliationId) as
    ReconciliationSummary | undefined;
  if (!run)
    throw new CoreError(
      'not_found',
      `There is no reconciliation ${reconciliationId}; run one from its bulk change.`,
    );
  return run;
}

/** A bulk change's runs, newest first. */
export function listRuns(db: Db, bulkChangeId: number): ReconciliationSummary[] {
  return cached(db, `${SUMMARY} WHERE bulk_change_id = ? ORDER BY id DESC`).all(
    bulkChangeId,
  ) as ReconciliationSummary[];
}

/** The newest finished run of a bulk change, or null when none has finished. */
export function latestReconciliationId(db: Db, bulkChangeId: number): number | null {
  const id = cached(
    db,
    'SELECT max(id) FROM reconciliations WHERE bulk_change_id = ? AND finished_at IS NOT NULL',
  )
    .pluck()
    .get(bulkChangeId) as number | null;
  return id ?? null;
}

/** Who started a run: the report names them. */
export const startedBy = (db: Db, reconciliationId: number): string =>
  cached(db, 'SELECT started_by FROM reconciliations WHERE id = ?')
    .pluck()
    .get(reconciliationId) as string;

/** How many devices a run has asked about (or found it could not) so far. */
export const askedSoFar = (db: Db, reconciliationId: number): number =>
  cached(
    db,
    `SELECT count(*) FROM reconciliation_rows
     WHERE reconciliation_id = ? AND (asked_at IS NOT NULL OR lookup_error IS NOT NULL)`,
  )
    .pluck()
    .get(reconciliationId) as number;
