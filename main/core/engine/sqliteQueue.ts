import { randomUUID } from 'node:crypto';
import type { Db } from '../store/open';
import type { ChangeQueue, LeasedChange, Settlement } from './queue';

/** A claimed row as SQLite returns it: the request still as JSON text. */
type Row = Omit<LeasedChange, 'request'> & { requestJson: string };

const COLUMNS = `id, bulk_change_id AS bulkChangeId, device_id AS deviceId, lane_account_id AS laneAccountId, status,
  attempts, max_attempts AS maxAttempts, polls, carrier_request_id AS carrierRequestId, request_json AS requestJson,
  lease_token AS leaseToken`;

const toLeased = (row: Row): LeasedChange => {
  const { requestJson, ...rest } = row;
  return { ...rest, request: JSON.parse(requestJson) as Record<string, unknown> };
};
const iso = (ms: number) => new Date(ms).toISOString();

/** The device-change rows are the queue: SQLite's single writer makes one UPDATE a safe claim. */
export class SqliteChangeQueue implements ChangeQueue {
  private readonly claimSends;
  private readonly claimPolls;
  private readonly firstDue;
  private readonly firstAny;
  private readonly settleStatements = new Map<Settlement['kind'], ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    // Every statement below has an equality on status, so SQLite walks an index in order and
    // stops at its LIMIT: a claim costs the same with 100 or 100,000 rows waiting.
    const take = (status: 'PENDING' | 'AWAITING_CARRIER') =>
      db.prepare(
        `UPDATE device_changes
         SET status = ${status === 'PENDING' ? "'IN_FLIGHT', attempts = attempts + 1" : "'AWAITING_CARRIER', polls = polls + 1"},
             lease_token = @token, lease_expires_at = @until, updated_at = @nowIso
         WHERE id IN (
           SELECT id FROM device_changes
           WHERE bulk_change_id = @bulk AND status = '${status}' AND lease_token IS NULL AND next_attempt_at <= @now
             AND lane_account_id IS @lane
           ORDER BY next_attempt_at, id LIMIT @limit)
         RETURNING ${COLUMNS}`,
      );
    this.claimSends = take('PENDING');
    this.claimPolls = take('AWAITING_CARRIER');
    const first = (status: 'PENDING' | 'AWAITING_CARRIER', due: boolean) =>
      db.prepare(
        `SELECT dc.bulk_change_id AS bulk, dc.next_attempt_at AS at, dc.id FROM device_changes dc
         JOIN bulk_changes b ON b.id = dc.bulk_change_id
         WHERE dc.lane_account_id IS @lane AND dc.status = '${status}' AND dc.lease_token IS NULL ${due ? 'AND dc.next_attempt_at <= @now' : ''}
           AND b.paused = 0 AND b.cancel_requested = 0 AND b.status IN ('QUEUED', 'PROCESSING')
         ORDER BY dc.next_attempt_at, dc.id LIMIT 1`,
      );
    this.firstDue = [first('PENDING', true), first('AWAITING_CARRIER', true)];
    this.firstAny = [first('PENDING', false), first('AWAITING_CARRIER', false)];
  }

  /** The earliest of the per-status heads, by (next attempt, id). */
  private head(
    statements: ReturnType<Db['prepare']>[],
    params: Record<string, unknown>,
  ): { bulk: number; at: number } | undefined {
    const heads = statements
      .map((st) => st.get(params) as { bulk: number; at: number; id: number } | undefined)
      .filter((h) => h !== undefined);
    heads.sort((a, b) => a.at - b.at || a.id - b.id);
    return heads[0];
  }

  peekBulk(lane: number | null, now: number): number | undefined {
    return this.head(this.firstDue, { lane, now })?.bulk;
  }

  claim(lane: number | null, limit: number, leaseMs: number, now: number): LeasedChange[] {
    const bulk = this.peekBulk(lane, now);
    if (bulk === undefined) return [];
    const params = { lane, bulk, now, token: randomUUID(), until: now + leaseMs, nowIso: iso(now) };
    return this.db.transaction(() => {
      // Polls first: they are cheap and let finished work leave the carrier's books.
      const polls = this.claimPolls.all({ ...params, limit }) as Row[];
      const sends =
        polls.length < limit
          ? (this.claimSends.all({ ...params, limit: limit - polls.length }) as Row[])
          : [];
      return [...polls, ...sends].sort((a, b) => a.id - b.id).map(toLeased);
    })();
  }

  settle(change: LeasedChange, settlement: Settlement, also?: () => void): boolean {
    const base = { id: change.id, token: change.leaseToken, now: iso(Date.now()) };
    const params = ((): Record<string, unknown> => {
      switch (settlement.kind) {
        case 'succeeded':
          return {
            ...base,
            result: settlement.result === undefined ? null : JSON.stringify(settlement.result),
          };
        case 'failed':
        case 'review':
          return { ...base, code: settlement.code, message: settlement.message };
        case 'awaitCarrier':
          return { ...base, requestId: settlement.carrierRequestId, next: settlement.nextPollAt };
        case 'pollAgain':
          return { ...base, next: settlement.nextPollAt };
        case 'retry':
          return {
            ...base,
            next: settlement.nextAttemptAt,
            code: settlement.code,
            message: settlement.message,
            refund: settlement.refundAttempt ? 1 : 0,
          };
      }
    })();
    const statement = this.settleStatement(settlement.kind);
    return this.db.transaction(() => {
      if (statement.run(params).changes !== 1) return false;
      also?.();
      return true;
    })();
  }

  /** Prepared once per kind: a 100k-row bulk change must not prepare 100k statements. */
  private settleStatement(kind: Settlement['kind']) {
    let statement = this.settleStatements.get(kind);
    if (!statement) {
      statement = this.db.prepare(SETTLE_SQL[kind]);
      this.settleStatements.set(kind, statement);
    }
    return statement;
  }

  expiredInFlight(now: number, limit: number): LeasedChange[] {
    return (
      this.db
        .prepare(
          `SELECT ${COLUMNS} FROM device_changes WHERE status = 'IN_FLIGHT' AND lease_expires_at < ? ORDER BY id LIMIT ?`,
        )
        .all(now, limit) as Row[]
    ).map(toLeased);
  }

  relet(change: LeasedChange, leaseMs: number, now: number): LeasedChange | undefined {
    const row = this.db
      .prepare(
        `UPDATE device_changes SET lease_token = @token, lease_expires_at = @until WHERE id = @id AND lease_token = @old RETURNING ${COLUMNS}`,
      )
      .get({ id: change.id, old: change.leaseToken, token: randomUUID(), until: now + leaseMs }) as
      Row | undefined;
    return row ? toLeased(row) : undefined;
  }

  releaseExpiredPolls(now: number): number {
    return this.db
      .prepare(
        "UPDATE device_changes SET lease_token = NULL, lease_expires_at = NULL WHERE status = 'AWAITING_CARRIER' AND lease_expires_at < ?",
      )
      .run(now).changes;
  }

  nextDue(lane: number | null): number | undefined {
    return this.head(this.firstAny, { lane })?.at;
  }

  activeLanes(): (number | null)[] {
    return this.db
      .prepare(
        "SELECT DISTINCT lane_account_id FROM device_changes WHERE status IN ('PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER')",
      )
      .pluck()
      .all() as (number | null)[];
  }
}

// Finishing and releasing both require the caller's lease: a zombie's late write changes nothing.
const FINISH = `lease_token = NULL, lease_expires_at = NULL, completed_at = @now, updated_at = @now WHERE id = @id AND lease_token = @token`;
const RELEASE = `lease_token = NULL, lease_expires_at = NULL, updated_at = @now WHERE id = @id AND lease_token = @token`;

const SETTLE_SQL: Record<Settlement['kind'], string> = {
  succeeded: `UPDATE device_changes SET status = 'SUCCEEDED', result_json = @result, error_code = NULL, error_message = NULL, ${FINISH}`,
  failed: `UPDATE device_changes SET status = 'FAILED', error_code = @code, error_message = @message, ${FINISH}`,
  review: `UPDATE device_changes SET status = 'NEEDS_REVIEW', error_code = @code, error_message = @message, ${FINISH}`,
  awaitCarrier: `UPDATE device_changes SET status = 'AWAITING_CARRIER', carrier_request_id = @requestId, next_attempt_at = @next, ${RELEASE}`,
  pollAgain: `UPDATE device_changes SET next_attempt_at = @next, ${RELEASE}`,
  retry: `UPDATE device_changes SET status = 'PENDING', next_attempt_at = @next, error_code = @code, error_message = @message, attempts = attempts - @refund, ${RELEASE}`,
};
