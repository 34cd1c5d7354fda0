import { randomUUID } from 'node:crypto';
import type { Carrier } from '../../../shared/domain/carriers';
import { CarrierCredentials } from '../../../shared/domain/credentials';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { readMeta, writeMeta } from '../workspace/meta';
import type { Keychain } from './keychain';

export interface AccountRecord {
  id: number;
  carrier: Carrier;
  name: string;
  mode: 'sandbox' | 'live';
  baseUrl: string;
  rateLimitPerSecond: number;
  maxConcurrency: number;
  credentialRef: string | null;
}

/** Reads one account's settings (never its secret). */
export function getAccount(db: Db, accountId: number): AccountRecord {
  const row = db
    .prepare(
      `SELECT id, carrier, name, mode, base_url AS baseUrl, rate_limit_per_second AS rateLimitPerSecond,
              max_concurrency AS maxConcurrency, credential_ref AS credentialRef
       FROM carrier_accounts WHERE id = ?`,
    )
    .get(accountId) as AccountRecord | undefined;
  if (!row)
    throw new CoreError(
      'not_found',
      `There is no carrier account ${accountId}; it may have been removed.`,
    );
  return row;
}

/**
 * The keychain entry of an account's credentials. Account ids repeat across workspaces, so the
 * entry carries the workspace's own key: two workspaces on one machine never share a secret.
 */
function refFor(db: Db, accountId: number): string {
  let key = readMeta(db, 'keychain_key');
  if (!key) {
    key = randomUUID();
    writeMeta(db, 'keychain_key', key);
  }
  return `workspace-${key}/carrier-account-${accountId}`;
}

/** Saves credentials in the keychain and records only where they are. */
export function saveCredentials(
  db: Db,
  keychain: Keychain,
  accountId: number,
  credentials: CarrierCredentials,
): void {
  const account = getAccount(db, accountId);
  if (account.mode === 'sandbox')
    throw new CoreError(
      'conflict',
      `${account.name} is a sandbox account: it runs on the built-in simulator and needs no credentials.`,
    );
  if (credentials.carrier !== account.carrier) {
    throw new CoreError(
      'invalid_request',
      `These are ${credentials.carrier} credentials, but ${account.name} is a ${account.carrier} account.`,
    );
  }
  const ref = refFor(db, accountId);
  keychain.save(ref, JSON.stringify(credentials));
  db.prepare('UPDATE carrier_accounts SET credential_ref = ? WHERE id = ?').run(ref, accountId);
}

/** Removes the keychain entry; the account stays. */
export function clearCredentials(db: Db, keychain: Keychain, accountId: number): void {
  const account = getAccount(db, accountId);
  if (account.credentialRef) keychain.clear(account.credentialRef);
  db.prepare('UPDATE carrier_accounts SET credential_ref = NULL WHERE id = ?').run(accountId);
}

/** The stored credentials of a live account, checked against its carrier. */
export function loadCredentials(keychain: Keychain, account: AccountRecord): CarrierCredentials {
  const raw = account.credentialRef ? keychain.read(account.credentialRef) : undefined;
  if (raw === undefined)
    throw new CoreError(
      'not_found',
      `${account.name} has no credentials yet. Add them in Settings.`,
    );
  const parsed = CarrierCredentials.safeParse(JSON.parse(raw));
  if (!parsed.success || parsed.data.carrier !== account.carrier) {
    throw new CoreError(
      'invalid_request',
      `The credentials stored for ${account.name} are incomplete. Enter them again in Settings.`,
    );
  }
  return parsed.data;
}
