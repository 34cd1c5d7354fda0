import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract';
import type { CarrierAccount } from '../../../shared/domain/carriers';
import { CarrierCredentials } from '../../../shared/domain/credentials';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { credentialWords } from './AccountsTable';
import { useAccountsStore } from './accountsStore';
import { credentialFields, credentialProblems, isSecret } from './credentialFields';
import { Field } from './Field';

/**
 * A live account's sign-in, saved to the OS keychain. What was saved is never shown again: the
 * window only learns whether credentials are there, so replacing them means typing them all.
 */
export function CredentialsForm({ account }: { account: CarrierAccount }) {
  const save = useAccountsStore((state) => state.saveCredentials);
  const clear = useAccountsStore((state) => state.clearCredentials);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fields = credentialFields[account.carrier];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const typed = Object.fromEntries(fields.map((field) => [field.key, values[field.key] ?? '']));
    const parsed = CarrierCredentials.safeParse({ carrier: account.carrier, ...typed });
    if (!parsed.success) return setProblems(credentialProblems(parsed.error.issues));
    setProblems({});
    setBusy(true);
    const failure = await save(account.id, parsed.data);
    setBusy(false);
    setError(failure);
    if (failure) return;
    // Dropped at once: the secret was for the keychain, not for this window's memory.
    setValues({});
    setNotice('Saved in the keychain. Test the connection to check the carrier accepts them.');
  }

  async function remove() {
    setConfirming(false);
    setBusy(true);
    const failure = await clear(account.id);
    setBusy(false);
    setError(failure);
    if (!failure) setNotice('Removed from the keychain.');
  }

  const saved = account.credential === 'present';
  return (
    <form
      className="settings__form"
      aria-labelledby="credentials-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="credentials-title" className="section-title">
        Credentials
      </h3>
      <p>
        <span data-credential={account.credential}>{credentialWords[account.credential]}</span>
        {account.credentialProblem && `: ${account.credentialProblem}`}
        {saved && '. To replace them, enter every field again.'}
      </p>
      <div className="settings__fields">
        {fields.map((field) => (
          <Field
            key={field.key}
            label={field.label}
            hint={field.hint}
            problem={problems[field.key]}
          >
            {(control) => (
              <input
                {...control}
                className="control"
                type={isSecret(field.key) ? 'password' : 'text'}
                autoComplete={isSecret(field.key) ? 'new-password' : 'off'}
                spellCheck={false}
                value={values[field.key] ?? ''}
                onChange={(event) => {
                  setValues((current) => ({ ...current, [field.key]: event.target.value }));
                  setNotice(null);
                }}
              />
            )}
          </Field>
        ))}
      </div>
      {error && <ErrorBanner error={error} />}
      {notice && (
        <p className="settings__notice" role="status">
          {notice}
        </p>
      )}
      <div className="settings__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {saved ? 'Replace credentials' : 'Save credentials'}
        </button>
        {account.credential !== 'absent' &&
          (confirming ? (
            <span className="settings__confirm" role="group" aria-label="Remove the credentials?">
              Remove {account.name}’s credentials from the keychain? Its bulk changes wait until new
              ones are saved.
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => void remove()}
              >
                Remove
              </button>
              <button
                type="button"
                className="button button--small"
                autoFocus
                onClick={() => setConfirming(false)}
              >
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Remove credentials
            </button>
          ))}
      </div>
    </form>
  );
}
