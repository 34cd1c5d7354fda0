import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract';
import type { CarrierAccount } from '../../../shared/domain/carriers';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { accountChanges, draftOf, draftProblems, type AccountDraft } from './accountForm';
import { useAccountsStore } from './accountsStore';
import { Field } from './Field';

/** What saving did, in words: including when the new values take effect. */
function savedWords(before: CarrierAccount, after: CarrierAccount): string {
  const moved = before.baseUrl !== after.baseUrl;
  const paced =
    before.rateLimitPerSecond !== after.rateLimitPerSecond ||
    before.maxConcurrency !== after.maxConcurrency;
  const parts = ['Saved.'];
  // A running lane finishes the call in hand, then carries on with the new settings.
  if (moved || paced)
    parts.push('Running bulk changes carry on with the new settings after the call in hand.');
  if (before.credential === 'present' && after.credential === 'absent')
    parts.push(
      'The saved credentials were removed because the address is on another server: enter them again below.',
    );
  return parts.join(' ');
}

/** An account's name, API address and pace, checked as typed and by core on saving. */
export function AccountEditor({ account }: { account: CarrierAccount }) {
  const accounts = useAccountsStore((state) => state.accounts);
  const update = useAccountsStore((state) => state.update);
  const [draft, setDraft] = useState<AccountDraft>(() => draftOf(account));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const problems = draftProblems(draft, account, accounts ?? []);
  const shown = checked ? problems : {};
  const edit = (patch: Partial<AccountDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setNotice(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    const changes = accountChanges(draft, account);
    if (Object.keys(changes).length === 1) return setNotice('Nothing to save: nothing changed.');
    setBusy(true);
    const result = await update(changes);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDraft(draftOf(result.value));
    setChecked(false);
    setNotice(savedWords(account, result.value));
  }

  const sandbox = account.mode === 'sandbox';
  return (
    <form className="settings__form" aria-label="Account settings" noValidate onSubmit={save}>
      <div className="settings__fields">
        <Field label="Account name" problem={shown.name}>
          {(control) => (
            <input
              {...control}
              className="control"
              value={draft.name}
              maxLength={100}
              onChange={(event) => edit({ name: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="API address"
          hint={
            sandbox
              ? `sandbox://${account.carrier} is the built-in simulator; or a shared training simulator’s address.`
              : 'The carrier’s https:// address. Moving it to another server removes the saved credentials.'
          }
          problem={shown.baseUrl}
        >
          {(control) => (
            <input
              {...control}
              className="control mono settings__url"
              value={draft.baseUrl}
              spellCheck={false}
              onChange={(event) => edit({ baseUrl: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="Rate limit (calls per second)"
          hint="Above what the carrier allows, it answers “slow down” and the console waits."
          problem={shown.rateLimitPerSecond}
        >
          {(control) => (
            <input
              {...control}
              className="control settings__number"
              inputMode="decimal"
              value={draft.rateLimitPerSecond}
              onChange={(event) => edit({ rateLimitPerSecond: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="Calls at once"
          hint={
            account.carrier === 'jasper'
              ? 'Control Center takes one call at a time.'
              : 'How many calls may wait on the carrier at once.'
          }
          problem={shown.maxConcurrency}
        >
          {(control) => (
            <input
              {...control}
              className="control settings__number"
              inputMode="numeric"
              value={draft.maxConcurrency}
              onChange={(event) => edit({ maxConcurrency: event.target.value })}
            />
          )}
        </Field>
      </div>
      {error && <ErrorBanner error={error} />}
      {notice && (
        <p className="settings__notice" role="status">
          {notice}
        </p>
      )}
      <div className="settings__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save changes
        </button>
      </div>
    </form>
  );
}
