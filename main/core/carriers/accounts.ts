import type { CarrierAccount, CredentialState } from '../../../shared/domain/carriers';
import type { z } from 'zod';
import type { NewAccount } from '../../../shared/contract/carriers';
import { CoreError } from '../errors';
import type { Keychain } from '../credentials/keychain';
import type { Db } from '../store/open';
import { checkBaseUrl } from './baseUrl';
import { sandboxAccounts } from '../workspace/sandboxCatalog';

interface AccountRow extends Omit<CarrierAccount, 'credential' | 'credentialProblem'> {
  credentialRef: string | null;
}

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

/** Adds a live account with the carrier's documented limits as its lane. */
export function addAccount(
  db: Db,
  keychain: Keychain,
  input: z.infer<typeof NewAccount>,
): CarrierAccount {
  const baseUrl = checkBaseUrl(input.baseUrl);
  const defaults = sandboxAccounts.find((a) => a.carrier === input.carrier)!;
  try {
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
  } catch (error) {
    if (/UNIQUE/.test((error as Error).message))
      throw new CoreError(
        'conflict',
        `An account named "${input.name}" already exists. Choose another name.`,
      );
    throw error;
  }
}
