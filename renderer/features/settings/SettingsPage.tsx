import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { AccountPanel } from './AccountPanel';
import { AccountsTable } from './AccountsTable';
import { useAccountsStore } from './accountsStore';
import { AddAccountForm } from './AddAccountForm';
import '../../ui/controls.css';
import './SettingsPage.css';

/** Carrier accounts: which are sandbox and which live, where they point, how fast, their sign-in. */
export function SettingsPage() {
  const { accounts, error, load } = useAccountsStore(
    useShallow((state) => ({ accounts: state.accounts, error: state.error, load: state.load })),
  );
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const open = accounts?.find((account) => account.id === editing);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="settings" aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      <section className="settings__section" aria-labelledby="accounts-title">
        <div className="settings__subhead">
          <h2 id="accounts-title" className="section-title">
            Carrier accounts
          </h2>
          <button
            type="button"
            className="button"
            disabled={adding}
            onClick={() => {
              setAdding(true);
              setEditing(null);
            }}
          >
            Add account
          </button>
        </div>
        <p className="field__hint">
          Sandbox accounts run on built-in carrier simulators for rehearsals; live accounts change
          real devices. Secrets stay in the operating system’s keychain and are never shown here.
        </p>
        {error && <ErrorBanner error={error} onRetry={() => void load()} />}
        {adding && (
          <AddAccountForm
            onDone={(accountId) => {
              setAdding(false);
              setEditing(accountId);
            }}
          />
        )}
        {accounts === null ? (
          !error && <p className="field__hint">Reading the accounts…</p>
        ) : (
          <AccountsTable
            accounts={accounts}
            editing={editing}
            onEdit={(accountId) => {
              setAdding(false);
              setEditing(accountId);
            }}
          />
        )}
        {open && <AccountPanel key={open.id} account={open} onClose={() => setEditing(null)} />}
      </section>
    </section>
  );
}
