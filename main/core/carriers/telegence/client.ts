import type { AxiosRequestConfig } from 'axios';
import type { TelegenceCredentials } from '../../../../shared/domain/credentials';
import { secretValues, type AdapterOptions } from '../adapterOptions';
import { createCarrierHttp, type HttpResult } from '../http/client';
import type { Limiter } from '../limiter';
import type { CarrierError } from '../types';
import { CARRIER_NAME, reasonOf } from './errors';

export interface TelegenceClient {
  /** One Telegence call with the app-id/app-secret headers, or the remembered refusal. */
  call<T>(config: AxiosRequestConfig): Promise<HttpResult<T>>;
}

/**
 * Sends every call with `app-id`/`app-secret` [doc]. Once AT&T refuses the pair, no call goes out
 * again: the same refusal is answered at once. Until some call proves the pair, calls go out one
 * at a time, so a wrong secret costs one refused call rather than a burst of them.
 */
export function createTelegenceClient(
  options: AdapterOptions<TelegenceCredentials>,
  limiter: Limiter,
): TelegenceClient {
  const http = createCarrierHttp({
    carrierName: CARRIER_NAME,
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    limiter,
    timeoutMs: options.timeoutMs,
    // Only the pair itself: credentials may arrive with extra fields (e.g. `carrier`) that aren't secret.
    secrets: () =>
      secretValues({ appId: options.credentials.appId, appSecret: options.credentials.appSecret }),
    secretHeaders: ['app-secret'],
    reasonOf,
    onExchange: options.onExchange,
  });
  const headers = {
    Accept: 'application/json',
    'app-id': options.credentials.appId,
    'app-secret': options.credentials.appSecret,
  };
  let refused: CarrierError | undefined;
  let proven = false;
  let probe: Promise<unknown> | undefined;

  async function send<T>(config: AxiosRequestConfig): Promise<HttpResult<T>> {
    const result = await http.request<T>({
      ...config,
      headers: {
        ...headers,
        ...(config.data === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
    });
    const status = result.status;
    if (status === 401 && !result.ok) refused ??= result.error;
    // Any answer past the gateway's credential check proves the pair; 5xx and 429 may come before it.
    else if (status !== undefined && status < 500 && status !== 429) proven = true;
    return result;
  }

  async function call<T>(config: AxiosRequestConfig): Promise<HttpResult<T>> {
    for (;;) {
      if (refused) return { ok: false, error: refused };
      if (proven) return send<T>(config);
      if (!probe) break;
      await probe;
    }
    const attempt = send<T>(config);
    probe = attempt;
    try {
      return await attempt;
    } finally {
      probe = undefined;
    }
  }

  return { call };
}
