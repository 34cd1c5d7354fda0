import { isFinalBulkStatus } from '../../../../shared/domain/changes';
import type { ReconciliationSummary } from '../../../../shared/contract/reports';
import { summary as bulkSummary } from '../../bulk/service';
import type { AccountAdapters } from '../../carriers/accountAdapters';
import type { CarrierAdapter } from '../../carriers/types';
import { changeHandlers } from '../../changes';
import type { ChangeHandler } from '../../changes/handler';
import { getAccount } from '../../credentials/accountCredentials';
import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import { cached } from '../../store/statements';
import { checkDevice, GONE, notChecked, type CheckContext, type Pending } from './checkDevice';
import { whatChanged } from './compare';
import { beat, HEARTBEAT_MS, startRun } from './liveRuns';
import { finishRun, runSummary, saveRows, type RowResult } from './runs';

/** Answers kept per transaction: few enough to keep each write short, many enough to be cheap. */
const BATCH = 250;
/** Answers are kept at least this often, so a report of the run in progress is nearly current. */
const FLUSH_MS = 1_000;

export interface ReconcileRun {
  db: Db;
  adapters: AccountAdapters;
  user: string;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/**
 * Reconciles a finished bulk change: asks each device's carrier account for the device's state,
 * several accounts at once and each no faster than its own lane allows, and stores what was said
 * against our record and the change's outcome. Cancelled, it keeps what was asked.
 */
export async function runReconciliation(
  run: ReconcileRun,
  bulkChangeId: number,
): Promise<ReconciliationSummary> {
  const { db } = run;
  const bulk = bulkSummary(db, bulkChangeId);
  if (!isFinalBulkStatus(bulk.status)) {
    const what = bulk.paused
      ? `paused (${bulk.status}): resume or cancel it, then reconcile it once it has finished`
      : `${bulk.status}: reconcile it once it has finished`;
    throw new CoreError(
      'conflict',
      `Bulk change ${bulkChangeId} is ${what}, so every device has its outcome to compare.`,
    );
  }
  const handler = changeHandlers[bulk.changeType] as ChangeHandler;
  const raw = JSON.parse(
    cached(db, 'SELECT request_json FROM bulk_changes WHERE id = ?')
      .pluck()
      .get(bulkChangeId) as string,
  ) as Record<string, unknown>;
  const params = handler.params.parse(raw);
  const what = whatChanged(bulk.changeType, raw);

  const reconciliationId = startRun(db, bulkChangeId, run.user);
  const heartbeat = setInterval(() => beat(db, reconciliationId), HEARTBEAT_MS);
  try {
    return await askEveryDevice(run, { reconciliationId, bulkChangeId, handler, params, what });
  } finally {
    clearInterval(heartbeat);
  }
}

/** What a started run needs to ask about its devices. */
interface Started {
  reconciliationId: number;
  bulkChangeId: number;
  handler: ChangeHandler;
  params: unknown;
  what: string;
}

/** Asks about every device of a started run, then closes it complete or stopped part way. */
async function askEveryDevice(run: ReconcileRun, started: Started): Promise<ReconciliationSummary> {
  const { db, signal } = run;
  const { reconciliationId, handler, params, what } = started;
  const rows = cached(
    db,
    `SELECT r.device_change_id AS deviceChangeId, r.account_id AS accountId, dc.device_id AS deviceId,
       r.outcome, dc.request_json AS request, r.ours_iccid AS iccid, r.ours_imei AS imei,
       r.ours_msisdn AS msisdn, r.ours_status AS status, r.ours_rate_plan AS ratePlan
     FROM reconciliation_rows r JOIN device_changes dc ON dc.id = r.device_change_id
     WHERE r.reconciliation_id = ? ORDER BY r.id`,
  ).all(started.reconciliationId) as (Omit<Pending, 'ours'> &
    RowResult['ours'] & { accountId: number | null })[];

  const total = rows.length;
  let done = 0;
  let buffer: RowResult[] = [];
  let flushed = Date.now();
  const flush = () => {
    flushed = Date.now();
    if (buffer.length === 0) return;
    saveRows(db, started, buffer);
    buffer = [];
  };
  const keep = (result: RowResult) => {
    buffer.push(result);
    if (buffer.length >= BATCH || Date.now() - flushed >= FLUSH_MS) flush();
    done += 1;
    run.onProgress(done, total);
  };
  run.onProgress(0, total);

  const byAccount = new Map<number | null, Pending[]>();
  for (const { accountId, iccid, imei, msisdn, status, ratePlan, ...rest } of rows) {
    const list = byAccount.get(accountId) ?? [];
    list.push({ ...rest, ours: { iccid, imei, msisdn, status, ratePlan } });
    byAccount.set(accountId, list);
  }

  const ctx: CheckContext = { db, handler, params, what, signal };
  let failure: { error: unknown } | undefined;

  /** A bug stops every worker, so nothing is written once the run is closed. */
  const guarded = (work: () => Promise<void>) =>
    work().catch((error: unknown) => {
      failure ??= { error };
    });

  /** One account: as many devices in flight as the account allows, each call paced by its lane. */
  const reconcileAccount = async (accountId: number | null, devices: Pending[]) => {
    let slots: number;
    try {
      if (accountId === null) throw new CoreError('not_found', GONE);
      slots = getAccount(db, accountId).maxConcurrency;
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      for (const device of devices) keep(notChecked(device, error.message));
      return;
    }
    /**
     * Asked per device (the adapter is cached): an account edited mid-run (credentials cleared,
     * address or pace changed) takes effect at once, and shares the engine's new lane.
     */
    const adapterNow = async (): Promise<CarrierAdapter | CoreError> => {
      try {
        return await run.adapters.forAccount(accountId);
      } catch (error) {
        if (error instanceof CoreError) return error;
        throw error;
      }
    };
    let next = 0;
    const worker = async () => {
      while (next < devices.length && !signal.aborted && failure === undefined) {
        const device = devices[next++]!;
        const adapter = await adapterNow();
        keep(
          adapter instanceof CoreError
            ? notChecked(device, adapter.message)
            : await checkDevice(ctx, adapter, device),
        );
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(slots, devices.length) }, () => guarded(worker)),
    );
  };

  await Promise.all(
    [...byAccount].map(([accountId, devices]) =>
      guarded(() => reconcileAccount(accountId, devices)),
    ),
  );
  // A batch refused for holding a credential stops the run like any other failure.
  await guarded(async () => flush());
  // A run that broke keeps what it had, and reads as stopped part way.
  finishRun(db, reconciliationId, failure !== undefined || (signal.aborted && done < total));
  if (failure !== undefined) throw failure.error;
  return runSummary(db, reconciliationId);
}
