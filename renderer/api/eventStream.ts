import {
  isEventName,
  type ContractApi,
  type EventName,
  type PayloadOf,
} from '../../shared/contract';
import { sseFrames } from './sseFrames';

type AnyListener = (payload: PayloadOf<EventName>) => void;
type Outcome = 'dropped' | 'refused';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;
const STABLE_MS = 30_000;

/**
 * Push events over `GET /api/events`. EventSource can't send the Authorization header, so the
 * stream is read with fetch. One connection is open while anyone listens; when it drops it is
 * reopened with growing delays, and a refused token stops it for good.
 */
export function bridgeEvents(token: string): ContractApi['on'] {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let connection: AbortController | null = null;

  const dispatch = (data: string) => {
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      console.warn('events: skipped a message that is not JSON', data);
      return;
    }
    if (typeof message !== 'object' || message === null || !('event' in message)) return;
    if (!isEventName(message.event) || !('payload' in message)) return;
    for (const listener of listeners.get(message.event) ?? []) {
      try {
        listener(message.payload as PayloadOf<EventName>);
      } catch (error) {
        console.error(`events: a ${message.event} listener failed`, error);
      }
    }
  };

  async function keepConnected(signal: AbortSignal): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (!signal.aborted) {
      const opened = Date.now();
      const outcome = await readStream(token, signal, dispatch);
      if (outcome === 'refused') {
        console.warn('events: the bridge refused the token; live updates are off.');
        return;
      }
      // Only a connection that held for a while earns a quick retry; one that keeps dropping
      // at once backs off.
      if (Date.now() - opened > STABLE_MS) delay = FIRST_RETRY_MS;
      await pause(delay * (0.8 + Math.random() * 0.4), signal);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }

  return (event, listener) => {
    const forEvent = listeners.get(event) ?? new Set<AnyListener>();
    const stored = listener as AnyListener;
    forEvent.add(stored);
    listeners.set(event, forEvent);
    if (!connection) {
      connection = new AbortController();
      void keepConnected(connection.signal);
    }
    return () => {
      forEvent.delete(stored);
      const anyone = [...listeners.values()].some((set) => set.size > 0);
      if (!anyone && connection) {
        connection.abort();
        connection = null;
      }
    };
  };
}

async function readStream(
  token: string,
  signal: AbortSignal,
  onData: (data: string) => void,
): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch('/api/events', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
  } catch {
    return 'dropped';
  }
  if (response.status === 401) return 'refused';
  if (!response.ok || !response.body) return 'dropped';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const push = sseFrames(onData);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'dropped';
      push(decoder.decode(value, { stream: true }));
    }
  } catch {
    return 'dropped';
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
