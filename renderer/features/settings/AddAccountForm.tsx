import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract';
import { Carrier, carrierLabels } from '../../../shared/domain/carriers';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { baseUrlProblem, nameProblem } from './accountForm';
import { useAccountsStore } from './accountsStore';
import { Field } from './Field';

interface Props {
  /** With the new account's id once added, or null when the desk gave up. */
  onDone: (accountId: number | null) => void;
}

/** A live account: which carrier, what the desk calls it, and the carrier's API address. */
export function AddAccountForm({ onDone }: Props) {
  const accounts = useAccountsStore((state) => state.accounts);
  const add = useAccountsStore((state) => state.add);
  const [carrier, setCarrier] = useState<Carrier>('thingspace');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const problems = {
    name: nameProblem(name, accounts ?? [], null) ?? undefined,
    baseUrl: baseUrlProblem(baseUrl, { carrier, mode: 'live' }) ?? undefined,
  };
  const shown: Partial<typeof problems> = checked ? problems : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (problems.name || problems.baseUrl) return;
    setBusy(true);
    const result = await add({ carrier, name: name.trim(), baseUrl: baseUrl.trim() });
    setBusy(false);
    if (result.ok) onDone(result.value.id);
    else setError(result.error);
  }

  return (
    <form className="settings__panel" aria-labelledby="add-title" noValidate onSubmit={submit}>
      <h3 id="add-title" className="section-title">
        Add a live carrier account
      </h3>
      <p className="field__hint">
        It starts at the carrier’s documented pace; save its credentials once it is added.
      </p>
      <div className="settings__fields">
        <Field label="Carrier">
          {(control) => (
            <select
              {...control}
              className="control"
              autoFocus
              value={carrier}
              onChange={(event) => setCarrier(Carrier.parse(event.target.value))}
            >
              {Carrier.options.map((option) => (
                <option key={option} value={option}>
                  {carrierLabels[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Account name" hint="How the desk will know it." problem={shown.name}>
          {(control) => (
            <input
              {...control}
              className="control"
              value={name}
              maxLength={100}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="API address"
          hint="The carrier’s https:// address, as in its API documentation."
          problem={shown.baseUrl}
        >
          {(control) => (
            <input
              {...control}
              className="control mono settings__url"
              value={baseUrl}
              placeholder="https://"
              spellCheck={false}
              onChange={(event) => setBaseUrl(event.target.value)}
            />
          )}
        </Field>
      </div>
      {error && <ErrorBanner error={error} />}
      <div className="settings__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          Add account
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
