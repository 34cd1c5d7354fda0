import type { z } from 'zod';
import { bulkEvents, bulkRequests } from './bulk';
import { carrierRequests } from './carriers';
import { deviceRequests } from './devices';
import { bulkViewRequests } from './bulkView';
import { catalogRequests, importRequests } from './imports';
import { reportRequests } from './reports';
import type { Result } from './result';
import { workspaceEvents, workspaceRequests } from './workspace';

/**
 * The one contract: every request channel (`feature:verb`) and push event (`feature:event`).
 * Preload, main registration, the loopback bridge and the renderer client are built from it.
 */
export const requests = {
  ...workspaceRequests,
  ...deviceRequests,
  ...carrierRequests,
  ...bulkRequests,
  ...importRequests,
  ...catalogRequests,
  ...bulkViewRequests,
  ...reportRequests,
};
export const events = { ...workspaceEvents, ...bulkEvents };

export type Requests = typeof requests;
export type Events = typeof events;
export type Channel = keyof Requests;
export type EventName = keyof Events;

/** What a caller may send (defaults not yet applied). */
export type RequestOf<C extends Channel> = z.input<Requests[C]['request']>;
/** What a handler receives, after parsing. */
export type ParsedRequestOf<C extends Channel> = z.output<Requests[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Requests[C]['response']>;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export const channels = Object.keys(requests) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.hasOwn(requests, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

/** The API every host offers: Electron preload, the loopback bridge and in-process core. */
export interface ContractApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

/** A host-level push message: one event and its payload. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: PayloadOf<E>;
}

export * from './result';
