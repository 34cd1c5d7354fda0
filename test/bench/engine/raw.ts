// The engine bench's baseline: the SQLite writes the engine made for a bulk change, replayed
// directly with prepared statements, one device change's write per transaction, no engine.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../../main/core/store/open';

export interface RawResult {
  ms: number;
  /** UPDATEs of device_changes taking a row (IN_FLIGHT, or a poll). */
  claims: number;
  /** UPDATEs of device_changes writing an outcome or releasing a row. */
  settles: number;
  deviceUpdates: number;
  logInserts: number;
  transactions: number;
  /** Settles that found no row with their lease token: a replay bug, reported by the bench. */
  missed: number;
}

interface FinalRow {
  id: number;
  deviceId: number;
  attempts: number;
  polls: number;
  resultJson: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

interface LogRow {
  id: number;
  deviceChangeId: number | null;
  requestText: string | null;
  responseText: string | null;
  hasErrors: 0 | 1;
  responseStatus: string;
  processedBy: string;
  processedAt: string;
}

const CHUNK = 5000;

/**
 * Replays bulk change `bulkId` of `engineDb` into `rawDb` (a copy of the workspace as it was
 * before the engine ran): the same device_changes rows are inserted first, untimed; then, timed,
 * every row of the engine's audit log is re-written in log order with its sha256 chain hash,
 * each outcome with the UPDATE that claimed its row and the UPDATE that settled it (plus the
 * device UPDATE on success, with the device's final values), and each poll that found the
 * carrier still busy as a claim and a release. Transactions are the engine's: a settle, its
 * device UPDATE and its log row in one; each exchange's log row alone; claims `claimBatch` rows
 * per transaction, as the lane claims them. `deviceColumns` are the device columns the change
 * type writes.
 */
export function replayRaw(
  engineDb: Db,
  rawDb: Db,
  bulkId: number,
  deviceColumns: string[],
  claimBatch: number,
): RawResult {
  // --- untimed: the same bulk change and device-change rows, PENDING ---
  const bulk = engineDb
    .prepare(
      'SELECT change_type AS type, title, request_json AS json, created_by AS by FROM bulk_changes WHERE id = ?',
    )
    .get(bulkId) as { type: string; title: string; json: string; by: string };
  const rawBulkId = Number(
    rawDb
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES (?, 'PROCESSING', ?, ?, ?)",
      )
      .run(bulk.type, bulk.title, bulk.json, bulk.by).lastInsertRowid,
  );
  const insertChange = rawDb.prepare(
    `INSERT INTO device_changes (bulk_change_id, device_id, iccid, imei, request_json, status, lane_account_id, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, 'PENDING', ?, 0)`,
  );
  const rawId = new Map<number, number>();
  rawDb.transaction(() => {
    for (const row of engineDb
      .prepare(
        `SELECT id, device_id AS deviceId, iccid, imei, request_json AS json, lane_account_id AS lane
         FROM device_changes WHERE bulk_change_id = ? ORDER BY id`,
      )
      .iterate(bulkId) as Iterable<{
      id: number;
      deviceId: number;
      iccid: string;
      imei: string | null;
      json: string;
      lane: number | null;
    }>)
      rawId.set(
        row.id,
        Number(
          insertChange.run(rawBulkId, row.deviceId, row.iccid, row.imei, row.json, row.lane)
            .lastInsertRowid,
        ),
      );
  })();
  const finals = new Map(
    (
      engineDb
        .prepare(
          `SELECT id, device_id AS deviceId, attempts, polls, result_json AS resultJson, error_code AS errorCode,
             error_message AS errorMessage FROM device_changes WHERE bulk_change_id = ?`,
        )
        .all(bulkId) as FinalRow[]
    ).map((r) => [r.id, r]),
  );
  const deviceFinal = engineDb.prepare(
    `SELECT ${deviceColumns.join(', ')} FROM devices WHERE id = ?`,
  );
  const claimsLeft = new Map([...finals.values()].map((r) => [r.id, r.attempts + r.polls]));
  let prevHash =
    (rawDb.prepare('SELECT hash FROM bulk_change_log ORDER BY id DESC LIMIT 1').pluck().get() as
      string | undefined) ?? '0'.repeat(64);

  // --- the writes, as the engine's queue, handler and audit log make them ---
  const claim = rawDb.prepare(
    `UPDATE device_changes SET status = CASE status WHEN 'PENDING' THEN 'IN_FLIGHT' ELSE status END,
       attempts = attempts + (status = 'PENDING'), polls = polls + (status = 'AWAITING_CARRIER'),
       lease_token = @token, lease_expires_at = @until, updated_at = @now WHERE id = @id`,
  );
  const finish = `lease_token = NULL, lease_expires_at = NULL, completed_at = @now, updated_at = @now WHERE id = @id AND lease_token = @token`;
  const release = `lease_token = NULL, lease_expires_at = NULL, updated_at = @now WHERE id = @id AND lease_token = @token`;
  const succeeded = rawDb.prepare(
    `UPDATE device_changes SET status = 'SUCCEEDED', result_json = @result, error_code = NULL, error_message = NULL, ${finish}`,
  );
  const failed = rawDb.prepare(
    `UPDATE device_changes SET status = @status, error_code = @code, error_message = @message, ${finish}`,
  );
  const awaiting = rawDb.prepare(
    `UPDATE device_changes SET status = 'AWAITING_CARRIER', carrier_request_id = @requestId, next_attempt_at = @next, ${release}`,
  );
  const retry = rawDb.prepare(
    `UPDATE device_changes SET status = 'PENDING', next_attempt_at = @next, error_code = @code, error_message = @message, ${release}`,
  );
  const pollAgain = rawDb.prepare(`UPDATE device_changes SET next_attempt_at = @next, ${release}`);
  const updateDevice = rawDb.prepare(
    `UPDATE devices SET ${deviceColumns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
  );
  const insertLog = rawDb.prepare(
    `INSERT INTO bulk_change_log (bulk_change_id, device_change_id, request_text, response_text,
       has_errors, response_status, processed_by, processed_at, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const result: RawResult = {
    ms: 0,
    claims: 0,
    settles: 0,
    deviceUpdates: 0,
    logInserts: 0,
    transactions: 0,
    missed: 0,
  };
  const append = (row: LogRow, deviceChangeId: number | null) => {
    const content = [
      rawBulkId,
      deviceChangeId,
      row.requestText,
      row.responseText,
      row.hasErrors,
      row.responseStatus,
      row.processedBy,
      row.processedAt,
    ] as const;
    const hash = createHash('sha256')
      .update(prevHash + JSON.stringify(content), 'utf8')
      .digest('hex');
    insertLog.run(...content, prevHash, hash);
    prevHash = hash;
    result.logInserts += 1;
  };
  const claimRows = (ids: number[], now: number) => {
    const token = randomUUID();
    rawDb.transaction(() => {
      for (const id of ids) claim.run({ id, token, until: now + 120_000, now: iso(now) });
    })();
    result.claims += ids.length;
    result.transactions += 1;
    return token;
  };
  /** Lease tokens of rows claimed and not yet settled, by engine device-change id. */
  const leased = new Map<number, string>();
  const exchange = rawDb.transaction((row: LogRow) => append(row, null));
  const outcome = rawDb.transaction((row: LogRow, id: number, token: string, device?: object) => {
    const now = iso(Date.now());
    const status = row.responseStatus;
    const final = finals.get(row.deviceChangeId!)!;
    let changed: number;
    if (status === 'SUCCEEDED') {
      changed = succeeded.run({ id, token, now, result: final.resultJson }).changes;
      updateDevice.run({ ...device, id: final.deviceId, now });
      result.deviceUpdates += 1;
    } else if (status.startsWith('AWAITING_CARRIER '))
      changed = awaiting.run({
        id,
        token,
        now,
        requestId: status.slice(17),
        next: Date.now(),
      }).changes;
    else if (status.startsWith('RETRY'))
      changed = retry.run({
        id,
        token,
        now,
        next: Date.now(),
        code: final.errorCode,
        message: '',
      }).changes;
    else
      changed = failed.run({
        id,
        token,
        now,
        status: status.startsWith('FAILED') ? 'FAILED' : 'NEEDS_REVIEW',
        code: final.errorCode,
        message: final.errorMessage,
      }).changes;
    if (changed !== 1) result.missed += 1;
    append(row, id);
    result.settles += 1;
  });

  const readLog = engineDb.prepare(
    `SELECT id, device_change_id AS deviceChangeId, request_text AS requestText, response_text AS responseText,
       has_errors AS hasErrors, response_status AS responseStatus, processed_by AS processedBy, processed_at AS processedAt
     FROM bulk_change_log WHERE bulk_change_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = readLog.all(bulkId, after, CHUNK) as LogRow[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    // The device's final values are read before the clock starts; only the writes are timed.
    const devices = rows.map((row) =>
      row.requestText === null && row.responseStatus === 'SUCCEEDED'
        ? (deviceFinal.get(finals.get(row.deviceChangeId!)!.deviceId) as object)
        : undefined,
    );
    const start = performance.now();
    rows.forEach((row, i) => {
      if (row.requestText !== null) {
        exchange(row);
      } else {
        const engineId = row.deviceChangeId!;
        if (!leased.has(engineId)) {
          // Claim this row with the next ones the log settles, as one lane batch.
          const batch = new Set<number>();
          for (let j = i; j < rows.length && batch.size < claimBatch; j += 1) {
            const next = rows[j]!;
            if (next.requestText === null && !leased.has(next.deviceChangeId!))
              batch.add(next.deviceChangeId!);
          }
          const token = claimRows(
            [...batch].map((e) => rawId.get(e)!),
            Date.now(),
          );
          for (const e of batch) {
            leased.set(e, token);
            claimsLeft.set(e, claimsLeft.get(e)! - 1);
          }
        }
        outcome(row, rawId.get(engineId)!, leased.get(engineId)!, devices[i]);
        leased.delete(engineId);
      }
      result.transactions += 1;
    });
    result.ms += performance.now() - start;
  }
  // Polls that found the carrier still busy left no log row: a claim and a release each.
  const start = performance.now();
  for (const [engineId, left] of claimsLeft) {
    const id = rawId.get(engineId)!;
    for (let i = 0; i < left; i += 1) {
      const token = claimRows([id], Date.now());
      rawDb.transaction(() => pollAgain.run({ id, token, now: iso(Date.now()), next: 0 }))();
      result.settles += 1;
      result.transactions += 1;
    }
  }
  result.ms += performance.now() - start;
  return result;
}

const iso = (ms: number) => new Date(ms).toISOString();
