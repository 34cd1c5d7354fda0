import type { AppError, Channel, EventMessage, Result } from '../../shared/contract';

/** Messages from the host to the core worker. */
export type ToCore =
  { type: 'call'; id: number; channel: Channel; request: unknown } | { type: 'close' };

/** Messages from the core worker to its host. */
export type FromCore =
  | { type: 'ready' }
  | { type: 'failed'; error: AppError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | ({ type: 'event' } & EventMessage)
  | { type: 'closed' };
