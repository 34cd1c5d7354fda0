import { parentPort, workerData } from 'node:worker_threads';
import { openCore, toFailure, type CoreOptions } from './core';
import type { FromCore, ToCore } from './messages';

// Core's home in production: a worker thread, so big queries never freeze a window.
const port = parentPort;
if (!port) throw new Error('core/worker.ts must run as a worker thread');
const post = (message: FromCore) => port.postMessage(message);

const inFlight = new Set<Promise<unknown>>();
let closing = false;

try {
  const core = openCore({
    ...(workerData as Omit<CoreOptions, 'emit'>),
    emit: (event) => post({ type: 'event', ...event }),
  });
  port.on('message', (message: ToCore) => {
    if (message.type === 'call') {
      if (closing) {
        post({
          type: 'result',
          id: message.id,
          result: {
            ok: false,
            error: { code: 'unavailable', message: 'The console is shutting down.' },
          },
        });
        return;
      }
      const work = core
        .call(message.channel, message.request as never)
        .then((result) => post({ type: 'result', id: message.id, result }));
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    } else {
      closing = true;
      // Drain what was already accepted, then close the database.
      void Promise.allSettled([...inFlight])
        .then(() => core.close())
        .then(() => post({ type: 'closed' }));
    }
  });
  post({ type: 'ready' });
} catch (error) {
  const failure = toFailure(error);
  post({
    type: 'failed',
    error: failure.ok ? { code: 'internal', message: 'unknown' } : failure.error,
  });
}
