import {
  carrierLabels,
  type CarrierAccount,
  type CredentialState,
} from '../../../shared/domain/carriers';
import { formatCount } from '../../ui/format';
import { paceWords } from './accountForm';
import { ConnectionTest } from './ConnectionTest';
import { ModeBadge } from './ModeBadge';

/** A credential's state as the desk reads it; the secret itself never reaches the window. */
export const credentialWords: Record<CredentialState, string> = {
  present: 'Saved in the keychain',
  absent: 'Not saved',
  not_needed: 'Not needed (simulator)',
  unavailable: 'Keychain unavailable',
};

interface Props {
  accounts: readonly CarrierAccount[];
  editing: number | null;
  onEdit: (accountId: number) => void;
}

/** Every carrier account: which carrier, sandbox or live, where, how fast, and whether it signs in. */
export function AccountsTable({ accounts, editing, onEdit }: Props) {
  return (
    <table className="table settings__table" aria-labelledby="accounts-title">
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col">Mode</th>
          <th scope="col">API address</th>
          <th scope="col">Pace</th>
          <th scope="col" className="num">
            Devices
          </th>
          <th scope="col">Credentials</th>
          <th scope="col">Connection</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <tr key={account.id} data-editing={account.id === editing || undefined}>
            <th scope="row">
              {account.name}
              <span className="settings__sub">{carrierLabels[account.carrier]}</span>
            </th>
            <td>
              <ModeBadge mode={account.mode} />
            </td>
            <td className="mono settings__address">
              {account.baseUrl}
              {account.baseUrl.startsWith('sandbox:') && (
                <span className="settings__sub">Built-in simulator</span>
              )}
            </td>
            <td>{paceWords(account)}</td>
            <td className="num">{formatCount(account.deviceCount)}</td>
            <td>
              <span data-credential={account.credential}>
                {credentialWords[account.credential]}
              </span>
              {account.credentialProblem && (
                <span className="settings__sub">{account.credentialProblem}</span>
              )}
            </td>
            <td>
              <ConnectionTest account={account} />
            </td>
            <td className="settings__actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`Edit ${account.name}`}
                aria-expanded={account.id === editing}
                onClick={() => onEdit(account.id)}
              >
                Edit
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
