import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import type { Limiter } from '../limiter';
import type { CarrierError } from '../types';
import { carrierError } from '../errors';
import { classifyStatus, classifyTransportError } from './classify';
import { redactHeaders, redactText } from './redact';

/** One request and its answer as the bulk-change log keeps it: secrets already removed. */
export interface Exchange {
  at: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
}

export type HttpResult<T> =
  | { ok: true; status: number; data: T; headers: Record<string, unknown> }
  | {
      ok: false;
      error: CarrierError;
      status?: number;
      data?: unknown;
      headers?: Record<string, unknown>;
    };

export interface CarrierHttpOptions {
  carrierName: string;
  baseURL: string;
  limiter: Limiter;
  timeoutMs?: number;
  /** The secret values in use, so they are cut from every logged text. */
  secrets: () => readonly string[];
  secretHeaders?: readonly string[];
  /** Pulls the carrier's own reason out of an error body, for messages and the log. */
  reasonOf?: (body: unknown) => string | undefined;
  onExchange?: (exchange: Exchange) => void;
}

export interface CarrierHttp {
  request<T>(config: AxiosRequestConfig): Promise<HttpResult<T>>;
  readonly limiter: Limiter;
}

/**
 * Every carrier call goes through here: the account's lane, one timeout, classification of
 * failures into transient and permanent, and a redacted record of the exchange.
 */
export function createCarrierHttp(options: CarrierHttpOptions): CarrierHttp {
  const client: AxiosInstance = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 30_000,
    // We read bodies as text and parse them ourselves, so a malformed body is a finding, not a crash.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });

  async function request<T>(config: AxiosRequestConfig): Promise<HttpResult<T>> {
    return options.limiter.run(async () => {
      const started = performance.now();
      const record = (status: number | null, responseBody: string | null, error: string | null) => {
        const secrets = options.secrets();
        options.onExchange?.({
          at: new Date().toISOString(),
          method: (config.method ?? 'get').toUpperCase(),
          url: redactText(client.getUri(config), secrets),
          requestHeaders: redactHeaders(
            { ...(config.headers as Record<string, unknown> | undefined) },
            options.secretHeaders,
          ),
          requestBody:
            config.data === undefined
              ? null
              : redactText(
                  typeof config.data === 'string' ? config.data : JSON.stringify(config.data),
                  secrets,
                ),
          status,
          responseBody: responseBody === null ? null : redactText(responseBody, secrets),
          error,
          durationMs: Math.round(performance.now() - started),
        });
      };
      let response;
      try {
        response = await client.request<string>(config);
      } catch (error) {
        const failure = classifyTransportError(error, options.carrierName);
        record(null, null, failure.message);
        return { ok: false, error: failure };
      }
      const text = typeof response.data === 'string' ? response.data : '';
      record(response.status, text, null);
      let body: unknown = undefined;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          if (response.status < 300) {
            return {
              ok: false,
              status: response.status,
              error: carrierError(
                'malformed_response',
                `${options.carrierName} sent an answer that could not be read; the change will be retried.`,
                { httpStatus: response.status },
              ),
            };
          }
          body = text;
        }
      }
      if (response.status >= 200 && response.status < 300) {
        return {
          ok: true,
          status: response.status,
          data: body as T,
          headers: response.headers as Record<string, unknown>,
        };
      }
      const error = classifyStatus(
        response.status,
        options.carrierName,
        options.reasonOf?.(body),
        response.headers['retry-after'],
      );
      if (error.code === 'throttled') options.limiter.pauseFor(error.retryAfterMs ?? 1000);
      return {
        ok: false,
        status: response.status,
        data: body,
        headers: response.headers as Record<string, unknown>,
        error,
      };
    });
  }

  return { request, limiter: options.limiter };
}
