import type { z } from 'zod';
import type { PondCredentials } from '../../../../shared/domain/credentials';
import { carrierError } from '../errors';
import { createCarrierHttp } from '../http/client';
import type { Exchange } from '../http/client';
import type { Limiter } from '../limiter';
import type { CarrierError } from '../types';
import { POND, pondReason, refinePondError } from './errors';
import { pondPage } from './schemas';
import { pondPath, type PondPaths, type PondWire } from './wire';

/**
 * A POND answer. `answered` is false when we can't know whether POND acted (no answer, or an
 * unreadable 2xx): the multi-step plan change treats those calls as possibly applied.
 */
export type PondResult<T> =
  { ok: true; value: T } | { ok: false; error: CarrierError; answered: boolean };

export interface PondClient {
  path(name: keyof PondPaths, values?: Record<string, string>): string;
  get<T>(
    path: string,
    schema: z.ZodType<T>,
    query?: Record<string, number>,
  ): Promise<PondResult<T>>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<PondResult<T>>;
  /** Every element of an offset/count list, page by page. */
  listAll<T>(path: string, item: z.ZodType<T>): Promise<PondResult<T[]>>;
}

interface PondClientOptions {
  baseUrl: string;
  credentials: PondCredentials;
  wire: PondWire;
  limiter: Limiter;
  timeoutMs?: number;
  onExchange?: (exchange: Exchange) => void;
}

/**
 * POND's per-request API key, sent on every call. Once POND refuses the key the client answers
 * every later call with that refusal without calling again, so a wrong key is never hammered.
 */
export function createPondClient(options: PondClientOptions): PondClient {
  const { credentials, wire } = options;
  const http = createCarrierHttp({
    carrierName: POND,
    baseURL: options.baseUrl,
    limiter: options.limiter,
    timeoutMs: options.timeoutMs,
    // Only the key is secret: the distributor ID is in every URL and the log needs it.
    secrets: () => [credentials.apiKey],
    secretHeaders: [wire.apiKeyHeader],
    reasonOf: pondReason,
    onExchange: options.onExchange,
  });
  const headers = { [wire.apiKeyHeader]: credentials.apiKey, Accept: 'application/json' };
  let refused: CarrierError | undefined;

  async function call<T>(
    config: { method: 'GET' | 'POST'; url: string; data?: unknown; params?: object },
    schema: z.ZodType<T>,
  ): Promise<PondResult<T>> {
    if (refused) return { ok: false, error: refused, answered: true };
    const result = await http.request<unknown>({ ...config, headers });
    if (!result.ok) {
      const error = refinePondError(result.error, result.data);
      if (error.code === 'auth_failed') refused = error;
      return { ok: false, error, answered: result.status !== undefined && result.status >= 300 };
    }
    const parsed = schema.safeParse(result.data);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      answered: false,
      error: carrierError(
        'malformed_response',
        `${POND} sent an answer in an unexpected shape; the change will be retried.`,
        { httpStatus: result.status, carrierReason: parsed.error.issues[0]?.message },
      ),
    };
  }

  const client: PondClient = {
    path: (name, values = {}) =>
      pondPath(wire.paths[name], { distributorId: credentials.distributorId, ...values }),
    get: (url, schema, params) => call({ method: 'GET', url, params }, schema),
    post: (url, data, schema) => call({ method: 'POST', url, data }, schema),
    async listAll(url, item) {
      const page = pondPage(item);
      const all: z.infer<typeof item>[] = [];
      for (let offset = 0; ;) {
        const answer = await client.get(url, page, { offset, count: wire.pageSize });
        if (!answer.ok) return answer;
        const { Elements, IsLastPage, Total } = answer.value;
        all.push(...(Elements as z.infer<typeof item>[]));
        offset += Elements.length;
        if (IsLastPage || Elements.length === 0 || offset >= Total) return { ok: true, value: all };
      }
    },
  };
  return client;
}
