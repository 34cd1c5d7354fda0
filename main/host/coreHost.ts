import { Worker } from 'node:worker_threads';
import type {
  AppError,
  Channel,
  ContractApi,
  EventMessage,
  EventName,
  ParsedRequestOf,
  PayloadOf,
  Result,
  ResponseOf,
} from '../../shared/contract';
import type { CoreOptions } from '../core/core';
import type { FromCore, ToCore } from '../core/messages';

export interface CoreHostOptions {
  /** The worker entry: the built `core-worker.js`, or `main/core/worker.ts` with tsx in tests. */
  workerUrl: URL;
  execArgv?: string[];
  core: Omit<CoreOptions, 'emit' | 'keychain'>;
}

/** Core running in a worker thread, seen through the contract. */
export interface CoreHost {
  /** Sends an already-parsed request to core. Untrusted input goes through `dispatchUntrusted`. */
  call<C extends Channel>(channel: C, request: ParsedRequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on: ContractApi['on'];
  /** The latest progress of each task, for a window or stream that connects mid-way. */
  latestProgress(): EventMessage<'workspace:progress'>[];
  /** Drains calls already accepted, closes the database and ends the worker. */
  close(): Promise<void>;
}

const stopped = (message: string): AppError => ({ code: 'unavailable', message });

/** Starts core in a worker and resolves once its workspace is open (or rejects with why not). */
export function startCoreHost(options: CoreHostOptions): Promise<CoreHost> {
  const worker = new Worker(options.workerUrl, {
    workerData: options.core,
    execArgv: options.execArgv ?? [],
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const progress = new Map<string, EventMessage<'workspace:progress'>>();
  let nextId = 1;
  let exited: AppError | undefined;
  let onClosed: (() => void) | undefined;

  const failAll = (error: AppError) => {
    exited = error;
    for (const resolve of pending.values()) resolve({ ok: false, error });
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    const host: CoreHost = {
      call(channel, request) {
        if (exited) return Promise.resolve({ ok: false, error: exited });
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve as (result: Result<unknown>) => void);
          worker.postMessage({ type: 'call', id, channel, request } satisfies ToCore);
        });
      },
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener as (payload: never) => void);
        return () => set.delete(listener as (payload: never) => void);
      },
      latestProgress: () => [...progress.values()],
      close() {
        if (exited) return Promise.resolve();
        return new Promise<void>((resolve) => {
          onClosed = resolve;
          worker.postMessage({ type: 'close' } satisfies ToCore);
        });
      },
    };

    worker.on('message', (message: FromCore) => {
      switch (message.type) {
        case 'ready':
          resolveStart(host);
          break;
        case 'failed':
          failAll(message.error);
          void worker.terminate();
          rejectStart(
            Object.assign(new Error(message.error.message), { code: message.error.code }),
          );
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event': {
          const event = { event: message.event, payload: message.payload } as EventMessage;
          if (event.event === 'workspace:progress') {
            const progressEvent = event as EventMessage<'workspace:progress'>;
            progress.set(progressEvent.payload.task, progressEvent);
          }
          emit(listeners, event);
          break;
        }
        case 'closed':
          failAll(stopped('The console has been closed.'));
          void worker.terminate().then(() => onClosed?.());
          break;
      }
    });
    worker.on('error', (error) => {
      console.error('core worker crashed', error);
      failAll(
        stopped(
          "The console's engine stopped unexpectedly. Restart the app; your workspace is safe on disk.",
        ),
      );
      rejectStart(error);
    });
    worker.on('exit', () => {
      if (!exited)
        failAll(
          stopped(
            "The console's engine stopped unexpectedly. Restart the app; your workspace is safe on disk.",
          ),
        );
      onClosed?.();
    });
  });
}

function emit(
  listeners: Map<EventName, Set<(payload: never) => void>>,
  message: EventMessage,
): void {
  for (const listener of listeners.get(message.event) ?? []) {
    (listener as (payload: PayloadOf<typeof message.event>) => void)(message.payload);
  }
}
