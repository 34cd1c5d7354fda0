import type { CarrierAccount } from '../../../shared/domain/carriers';
import { useAccountsStore } from './accountsStore';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** "Test connection" and the carrier's answer in words, with when it was given. */
export function ConnectionTest({ account }: { account: CarrierAccount }) {
  const check = useAccountsStore((state) => state.checks[account.id]);
  const test = useAccountsStore((state) => state.test);
  const where = account.mode === 'sandbox' ? 'the simulator' : 'the carrier';
  return (
    <div className="connection">
      <button
        type="button"
        className="button button--small"
        disabled={check === 'testing'}
        aria-label={`Test connection of ${account.name}`}
        onClick={() => void test(account.id)}
      >
        Test connection
      </button>
      <p className="connection__answer" aria-live="polite">
        {check === 'testing' ? (
          <span>Asking {where}…</span>
        ) : check?.ok ? (
          <span data-ok="true">
            Connected at {clock.format(new Date(check.checkedAt))}: {where} accepted the sign-in.
          </span>
        ) : check ? (
          <span data-ok="false">
            Not connected at {clock.format(new Date(check.checkedAt))}: {check.message}
          </span>
        ) : null}
      </p>
    </div>
  );
}
