import Database from 'better-sqlite3';
import { requests, type Channel, type RequestOf, type ResponseOf } from '../../../shared/contract';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { ChangeType } from '../../../shared/domain/changes';
import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { startExternalCarriers } from '../../support/externalCarriers';
import { sandboxCore } from '../../support/sandboxCore';

/**
 * A sandbox workspace whose carrier accounts point at simulators in this process (so tests can
 * switch their faults), a core driven as a window drives it, and a read-only connection to pick
 * devices by their state and look at what was stored.
 */
export async function deskWorkspace(dataDir: string, user = 'desk') {
  const file = databaseFile(dataDir);
  const seeded = openStore(file);
  await seedSandbox(seeded, { devices: 300 });
  seeded.close();
  const carriers = await startExternalCarriers(file);
  const desk = sandboxCore(dataDir, {
    sandboxDevices: undefined,
    user,
    keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
  });
  const db = new Database(file, { readonly: true });
  /** ICCIDs of devices matching a condition on `devices d` joined to `carrier_accounts a`. */
  const iccids = (where: string, limit: number, ...params: unknown[]): string[] =>
    db
      .prepare(
        `SELECT d.iccid FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE ${where} ORDER BY d.id LIMIT ${limit}`,
      )
      .pluck()
      .all(...params) as string[];
  /** A device change's row as stored. */
  const deviceChange = (bulkChangeId: number, iccid: string) =>
    db
      .prepare('SELECT * FROM device_changes WHERE bulk_change_id = ? AND iccid = ?')
      .get(bulkChangeId, iccid) as Record<string, string | number | null>;
  const sim = (carrier: string) => carriers.sims.get(carrier)!;
  /** One call at a time on a carrier's account, so injected call failures land on known calls. */
  const oneCallAtATime = (carrier: string) => {
    const writer = new Database(file);
    writer
      .prepare('UPDATE carrier_accounts SET max_concurrency = 1 WHERE carrier = ?')
      .run(carrier);
    writer.close();
  };
  /** Creates and submits a change, and waits for it to end. */
  const run = async (
    changeType: ChangeType,
    params: Record<string, unknown>,
    devices: string[],
  ) => {
    const created = await desk.call('bulk:create', {
      changeType,
      params,
      devices,
      submit: true,
    });
    return { id: created.bulkChangeId, final: await desk.untilFinal(created.bulkChangeId) };
  };
  /** Resolves with the first progress of a bulk change that passes `test`, as the engine announces it. */
  const untilProgress = async (bulkId: number, test: (progress: BulkProgress) => boolean) =>
    (
      await desk.untilEvent(
        (e) =>
          e.event === 'bulk:progress' &&
          (e.payload as BulkProgress).bulkChangeId === bulkId &&
          test(e.payload as BulkProgress),
      )
    ).payload as BulkProgress;
  /** A call whose answer must also match the contract's response schema, as the renderer relies on. */
  async function call<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<ResponseOf<C>> {
    const answer = await desk.call(channel, request);
    requests[channel].response.parse(answer);
    return answer;
  }
  const close = async () => {
    db.close();
    await desk.core.close();
    await carriers.close();
  };
  return {
    ...desk,
    call,
    db,
    iccids,
    deviceChange,
    sim,
    oneCallAtATime,
    run,
    untilProgress,
    close,
  };
}

export type DeskWorkspace = Awaited<ReturnType<typeof deskWorkspace>>;

/** The message and code of a refused call. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('the call was not refused');
}
