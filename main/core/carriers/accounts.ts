import type { CarrierAccount, CredentialState } from '../../../shared/domain/carriers';
import type { Keychain } from '../credentials/keychain';
import type { Db } from '../store/open';

interface AccountRow extends Omit<CarrierAccount, 'credential'> {
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
    credential: credentialState(account.mode, credentialRef, keychain),
  }));
}

function credentialState(
  mode: CarrierAccount['mode'],
  ref: string | null,
  keychain: Keychain,
): CredentialState {
  if (mode === 'sandbox') return 'not_needed';
  if (!ref) return 'absent';
  return keychain.read(ref) === undefined ? 'absent' : 'present';
}
