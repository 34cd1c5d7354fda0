import type { Channel, ContractApi, RequestOf, ResponseOf, Result } from '../../shared/contract';
import { bridgeEvents } from './eventStream';

const unreachable = (): Result<never> => ({
  ok: false,
  error: {
    code: 'unavailable',
    message:
      "The console's engine can't be reached. Check that it is still running, then try again.",
  },
});

const unreadable = (status: number): Result<never> => ({
  ok: false,
  error: {
    code: 'unavailable',
    message: `The console's engine sent an answer that can't be read (HTTP ${status}). Try again.`,
  },
});

const noToken = (): Result<never> => ({
  ok: false,
  error: {
    code: 'unauthorized',
    message:
      'This page was opened without its access code. Open the address the console printed when it started.',
  },
});

/** The contract over the loopback bridge, for the browser build (development and e2e tests). */
export function bridgeClient(token: string | null): ContractApi {
  if (token === null) return { invoke: async () => noToken(), on: () => () => {} };
  return {
    async invoke<C extends Channel>(
      channel: C,
      request: RequestOf<C>,
    ): Promise<Result<ResponseOf<C>>> {
      let response: Response;
      try {
        response = await fetch(`/api/call/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
          cache: 'no-store',
        });
      } catch {
        return unreachable();
      }
      try {
        // Every answer, 401 included, is a Result; the contract types are trusted.
        return (await response.json()) as Result<ResponseOf<C>>;
      } catch {
        return unreadable(response.status);
      }
    },
    on: bridgeEvents(token),
  };
}
