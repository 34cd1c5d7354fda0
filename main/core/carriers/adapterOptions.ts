import { secretFields } from '../../../shared/domain/credentials';
import type { Exchange } from './http/client';
import { Limiter } from './limiter';
import type { CarrierCapabilities } from './types';

/** How every adapter is built: where, with what, and where its exchanges are logged. */
export interface AdapterOptions<Credentials> {
  baseUrl: string;
  credentials: Credentials;
  /** The account's lane; by default one from the carrier's documented limits. */
  limiter?: Limiter;
  timeoutMs?: number;
  onExchange?: (exchange: Exchange) => void;
}

export const defaultLimiter = (capabilities: CarrierCapabilities): Limiter =>
  new Limiter({
    ratePerSecond: capabilities.defaultRatePerSecond,
    concurrency: capabilities.defaultConcurrency,
  });

/** The secret fields of a credentials object (keys, passwords): cut from all logged text. */
export const secretValues = (credentials: object): string[] =>
  Object.entries(credentials)
    .filter(
      ([key, value]) =>
        (secretFields as readonly string[]).includes(key) &&
        typeof value === 'string' &&
        value.length >= 4,
    )
    .map(([, value]) => value as string);
