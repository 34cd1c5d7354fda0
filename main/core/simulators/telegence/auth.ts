import type { TelegenceCredentials } from '../../../../shared/domain/credentials';
import type { SimHandler } from '../common/router';
import { telegenceError } from './shapes';

/**
 * Every Telegence call carries `app-id` and `app-secret` headers [doc]; there is no session and
 * no token to expire. A missing or wrong pair is refused before anything else is looked at.
 */
export function requireAppCredentials(
  credentials: TelegenceCredentials,
  failureStatus: () => number,
  onAttempt: () => void,
  handler: SimHandler,
): SimHandler {
  return (request) => {
    onAttempt();
    const appId = request.headers['app-id'];
    const appSecret = request.headers['app-secret'];
    if (appId === undefined || appSecret === undefined) {
      return telegenceError(failureStatus(), 'Missing app-id or app-secret header');
    }
    if (appId !== credentials.appId || appSecret !== credentials.appSecret) {
      return telegenceError(failureStatus(), 'Invalid app-id or app-secret');
    }
    return handler(request);
  };
}
