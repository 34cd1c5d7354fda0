import type { CarrierAccount, CredentialState } from '../../../shared/domain/carriers';
import { carrierLabels } from '../../../shared/domain/carriers';
import type { z } from 'zod';
import type { NewAccount } from '../../../shared/contract/carriers';
import type { ParsedRequestOf } from '../../../shared/contract';
import { CoreError } from '../errors';
import type { Keychain } from '../credentials/keychain';
import { getAccount, type AccountRecord } from '../credentials/accountCredentials';
import type { Db } from '../store/open';
import { checkBaseUrl } from './baseUrl';
import { sandboxAccounts } from '../workspace/sandboxCatalog';

interface AccountRow extends Omit<CarrierAccount, 'credential' | 'credentialProblem'> {
  credentialRef: string | null;
}

export type AccountChanges = ParsedRequestOf<'carriers:updateAccount'>;

/** The workspace's carrier accounts with whether a secret is present, never the secret. */
export function listAccounts(db: Db, keychain: Keychain): CarrierAccount[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.carrier, a.name, a.mode, a.base_url AS baseUrl, a.rate_limit_per_second AS rateLimitPerSecond,
              a.max_concurrency AS maxConcurrency, a.credential_ref AS credentialRef,
              (SELECT count(*) FROM devices d WHERE d.carrier_account_id = a.id) AS deviceCount
       FROM carrier_accounts a ORDER BY a.id`,
    )
    .all() as AccountRow[];
  return rows.map(({ credentialRef, ...account }) => ({
    ...account,
    ...credentialState(account.mode, credentialRef, keychain),
  }));
}

/** One account as the renderer may see it. */
export function getAccountView(db: Db, keychain: Keychain, accountId: number): CarrierAccount {
  const account = listAccounts(db, keychain).find((a) => a.id === accountId);
  if (!account) throw new CoreError('not_found', `There is no carrier account ${accountId}.`);
  return account;
}

function credentialState(
  mode: CarrierAccount['mode'],
  ref: string | null,
  keychain: Keychain,
): { credential: CredentialState; credentialProblem: string | null } {
  if (mode === 'sandbox') return { credential: 'not_needed', credentialProblem: null };
  if (!ref) return { credential: 'absent', credentialProblem: null };
  try {
    return {
      credential: keychain.read(ref) === undefined ? 'absent' : 'present',
      credentialProblem: null,
    };
  } catch (error) {
    return { credential: 'unavailable', credentialProblem: (error as Error).message };
  }
}

/** Names differ only in case look the same in every list, so they count as taken. */
function checkNameFree(db: Db, name: string, exceptId: number | null): void {
  const taken = db
    .prepare('SELECT name FROM carrier_accounts WHERE lower(name) = lower(?) AND id IS NOT ?')
    .pluck()
    .get(name, exceptId) as string | undefined;
  if (taken !== undefined)
    throw new CoreError(
      'conflict',
      `An account named "${taken}" already exists. Choose another name.`,
    );
}

/** Adds a live account with the carrier's documented limits as its lane. */
export function addAccount(
  db: Db,
  keychain: Keychain,
  input: z.infer<typeof NewAccount>,
): CarrierAccount {
  const baseUrl = checkBaseUrl(input.baseUrl);
  const defaults = sandboxAccounts.find((a) => a.carrier === input.carrier)!;
  checkNameFree(db, input.name, null);
  const id = db
    .prepare(
      `INSERT INTO carrier_accounts (carrier, name, mode, base_url, rate_limit_per_second, max_concurrency, max_batch_size)
       VALUES (?, ?, 'live', ?, ?, ?, ?)`,
    )
    .run(
      input.carrier,
      input.name,
      baseUrl,
      defaults.rateLimitPerSecond,
      defaults.maxConcurrency,
      defaults.maxBatchSize,
    ).lastInsertRowid;
  return getAccountView(db, keychain, Number(id));
}

/**
 * Where a sandbox account may point: its built-in simulator (`sandbox://<carrier>`) or a shared
 * training simulator at a checked address. It only ever sends the simulators' published,
 * not-secret credentials, which no real carrier accepts, so it can't change a real device.
 */
function sandboxBaseUrl(account: AccountRecord, input: string): string {
  const builtIn = `sandbox://${account.carrier}`;
  if (/^sandbox:/i.test(input)) {
    if (input.toLowerCase().replace(/\/+$/, '') === builtIn) return builtIn;
    throw new CoreError(
      'invalid_request',
      `${account.name} is a ${carrierLabels[account.carrier]} sandbox: its built-in simulator is ${builtIn}.`,
    );
  }
  return checkBaseUrl(input);
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Changes an account's name, API address or lane pace. Saved credentials are dropped when the
 * address moves to another server, so they are never sent to a host they were not entered for.
 * The caller rebuilds the account's adapter; lanes already running keep their pace until restart.
 */
export function updateAccount(db: Db, keychain: Keychain, changes: AccountChanges): CarrierAccount {
  const account = getAccount(db, changes.accountId);
  const name = changes.name ?? account.name;
  if (name !== account.name) checkNameFree(db, name, account.id);
  const baseUrl =
    changes.baseUrl === undefined
      ? account.baseUrl
      : account.mode === 'sandbox'
        ? sandboxBaseUrl(account, changes.baseUrl)
        : checkBaseUrl(changes.baseUrl);
  const movedServer = originOf(baseUrl) !== originOf(account.baseUrl);
  const dropCredentials = account.mode === 'live' && account.credentialRef !== null && movedServer;
  db.prepare(
    `UPDATE carrier_accounts SET name = ?, base_url = ?, rate_limit_per_second = ?, max_concurrency = ?,
            credential_ref = ? WHERE id = ?`,
  ).run(
    name,
    baseUrl,
    changes.rateLimitPerSecond ?? account.rateLimitPerSecond,
    changes.maxConcurrency ?? account.maxConcurrency,
    dropCredentials ? null : account.credentialRef,
    account.id,
  );
  if (dropCredentials) {
    // The record no longer points at the secret, so it can't be sent; removing it is tidying.
    try {
      keychain.clear(account.credentialRef!);
    } catch {
      // A locked keychain keeps an orphan entry, overwritten by the next save for this account.
    }
  }
  return getAccountView(db, keychain, account.id);
}
