import { Entry } from '@napi-rs/keyring';
import { CoreError } from '../errors';

export const KEYCHAIN_SERVICE = 'Carrier Ops Console';

/**
 * Carrier secrets live only in the OS keychain. There is no plaintext fallback: if the
 * keychain can't be reached, the caller gets `keychain_unavailable` and nothing is stored.
 */
export interface Keychain {
  save(ref: string, secret: string): void;
  read(ref: string): string | undefined;
  clear(ref: string): void;
}

const unavailable = (error: unknown): CoreError =>
  new CoreError(
    'keychain_unavailable',
    `The operating system keychain could not be reached (${(error as Error).message}). ` +
      'Unlock your keychain (on Linux: GNOME Keyring or KWallet) and try again; carrier secrets are never stored anywhere else.',
  );

export function osKeychain(service = KEYCHAIN_SERVICE): Keychain {
  return {
    save(ref, secret) {
      try {
        new Entry(service, ref).setPassword(secret);
      } catch (error) {
        throw unavailable(error);
      }
    },
    read(ref) {
      try {
        return new Entry(service, ref).getPassword() ?? undefined;
      } catch (error) {
        if (/no (matching )?entry|not found|no result/i.test((error as Error).message))
          return undefined;
        throw unavailable(error);
      }
    },
    clear(ref) {
      try {
        new Entry(service, ref).deletePassword();
      } catch (error) {
        if (/no (matching )?entry|not found|no result/i.test((error as Error).message)) return;
        throw unavailable(error);
      }
    },
  };
}
