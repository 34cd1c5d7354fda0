import type { PondCredentials } from '../../../../shared/domain/credentials';
import type { Route, SimHandler, SimRequest, SimResponse } from '../common/router';
import type { PondSettings } from './settings';
import type { PondInventory } from './state';
import { pondError } from './wire';

/** What every POND route handler can reach: settings, inventory and the running simulator's hooks. */
export interface PondContext {
  settings: PondSettings;
  credentials: PondCredentials;
  inventory: PondInventory;
  /** The injected per-device failure reason, if any (FaultSettings.deviceFailures). */
  deviceFailure(iccid: string): string | undefined;
  /** Marks a state change as applied, for the exactly-once checks. */
  applied(iccid: string, operation: string): void;
  /** Called once per request that presents itself to the API-key check. */
  countAuthAttempt(): void;
}

/** `{name}` placeholders become router `:name` parameters. */
export const routePath = (template: string): string =>
  `/${template.replace(/^\/+/, '').replace(/\{(\w+)\}/g, ':$1')}`;

/**
 * The API-key check every distributor call passes [assumed: header name and body]. A key that
 * is missing, wrong, or used on another distributor's URL is a 401.
 */
export function withApiKey(context: PondContext, handler: SimHandler): SimHandler {
  return (request: SimRequest): SimResponse | Promise<SimResponse> => {
    context.countAuthAttempt();
    const key = request.headers[context.settings.apiKeyHeader.toLowerCase()];
    if (
      key !== context.credentials.apiKey ||
      request.params.distributorId !== context.credentials.distributorId
    )
      return pondError(401, 'UNAUTHORIZED', context.settings.unauthorizedMessage);
    return handler(request);
  };
}

/** A distributor route: its path comes from the settings, its handler sits behind the key check. */
export const distributorRoute = (
  context: PondContext,
  method: string,
  template: string,
  handler: SimHandler,
): Route => ({ method, path: routePath(template), handler: withApiKey(context, handler) });
