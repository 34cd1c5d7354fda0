import type {
  AppError,
  Channel,
  EventMessage,
  ParsedRequestOf,
  Result,
  ResponseOf,
} from '../../shared/contract';
import { ok } from '../../shared/contract/result';
import { AuditLog } from './audit/auditLog';
import { AccountAdapters } from './carriers/accountAdapters';
import { changeHandlers } from './changes';
import { Engine, type EngineOptions } from './engine/engine';
import { osKeychain, type Keychain } from './credentials/keychain';
import { SandboxCarriers } from './simulators/sandbox';
import { CoreError } from './errors';
import { createHandlers, type CoreHandlers } from './handlers';
import { throttleProgress } from './progress';
import { openStore, type Db } from './store/open';
import { readMeta } from './workspace/meta';
import { databaseFile } from './workspace/paths';
import { seedSandbox } from './workspace/seedSandbox';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  keychain?: Keychain;
  /** Seeds the sandbox into an empty workspace with this many demo devices. */
  sandboxDevices?: number;
  emit?: (message: EventMessage) => void;
  /** Who is at the desk, for the audit log. */
  user?: string;
  /** False for commands that only read or change settings: queued work is then left alone. */
  runEngine?: boolean;
  /** Engine settings for tests and the sandbox (lease length, poll cadence, backoff). */
  engine?: Partial<
    Pick<EngineOptions, 'leaseMs' | 'pollIntervalMs' | 'backoff' | 'circuitProbeMs' | 'random'>
  >;
}

export interface Core {
  call<C extends Channel>(channel: C, request: ParsedRequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Waits for work under way, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the workspace and serves the contract's channels. A new sandbox workspace is seeded in
 * the background with progress events; calls made meanwhile wait for it to finish.
 */
export function openCore(options: CoreOptions): Core {
  const db: Db = openStore(databaseFile(options.dataDir));
  const keychain = options.keychain ?? osKeychain();
  const sandbox = new SandboxCarriers(db);
  const audit = new AuditLog(db);
  // Exchanges are logged by the engine's audit trail, which knows which device change made them.
  const adapters = new AccountAdapters(db, keychain, sandbox, (_account, exchange) =>
    engine.trail.recordExchange(exchange),
  );
  const engine = new Engine({
    db,
    adapters,
    handlers: changeHandlers,
    audit,
    emit: options.emit,
    ...options.engine,
  });
  const handlers: CoreHandlers = createHandlers({
    db,
    keychain,
    appVersion: options.appVersion,
    adapters,
    engine,
    audit,
    createdBy: options.user ?? 'desk',
    progress: (payload) => options.emit?.({ event: 'workspace:progress', payload }),
  });
  const seeding =
    options.sandboxDevices !== undefined && !readMeta(db, 'seeded_at')
      ? seedSandbox(db, {
          devices: options.sandboxDevices,
          onProgress: throttleProgress((payload) =>
            options.emit?.({ event: 'workspace:progress', payload }),
          ),
        })
      : Promise.resolve();
  // The engine starts once the workspace is ready; overdue scheduled and interrupted work runs first.
  const running = seeding.then(() => (options.runEngine === false ? undefined : engine.start()));
  // A failed seed is reported to every caller rather than crashing the worker.
  const settled = running.then(
    () => undefined,
    (error: unknown) => error,
  );
  return {
    async call(channel, request) {
      const seedError = await settled;
      if (seedError) return toFailure(seedError);
      try {
        const handler = handlers[channel] as (
          r: typeof request,
        ) => ResponseOf<typeof channel> | Promise<ResponseOf<typeof channel>>;
        return ok(await handler(request));
      } catch (error) {
        return toFailure(error);
      }
    },
    async close() {
      await settled;
      await engine.stop();
      await adapters.close();
      await sandbox.close();
      db.close();
    },
  };
}

/** Desk-worker errors pass through; anything else is a bug and says so without internals. */
export function toFailure(error: unknown): { ok: false; error: AppError } {
  if (error instanceof CoreError)
    return { ok: false, error: { code: error.code, message: error.message } };
  console.error('core: unexpected error', error);
  const message = 'Something went wrong inside the console. The details were written to its log.';
  return { ok: false, error: { code: 'internal', message } };
}
