import { useEffect, useRef } from 'react';
import { carrierLabels, type CarrierAccount } from '../../../shared/domain/carriers';
import { AccountEditor } from './AccountEditor';
import { ConnectionTest } from './ConnectionTest';
import { CredentialsForm } from './CredentialsForm';
import { ModeBadge } from './ModeBadge';

interface Props {
  account: CarrierAccount;
  onClose: () => void;
}

/** One account open for editing: its settings, its credentials and a connection test. */
export function AccountPanel({ account, onClose }: Props) {
  const panel = useRef<HTMLElement>(null);
  // Below a long list of accounts it would open out of sight.
  useEffect(() => panel.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <section ref={panel} className="settings__panel" aria-labelledby="account-title">
      <div className="settings__panel-head">
        <h3 id="account-title" className="section-title">
          {account.name}
        </h3>
        <ModeBadge mode={account.mode} />
        <span className="settings__sub">{carrierLabels[account.carrier]}</span>
        <span className="settings__spacer" />
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <AccountEditor account={account} />
      {account.mode === 'sandbox' ? (
        <p className="field__hint">
          A sandbox account signs in to its simulator with the simulator’s published test
          credentials: there is nothing to enter, and nothing it sends reaches a real carrier.
        </p>
      ) : (
        <CredentialsForm account={account} />
      )}
      <ConnectionTest account={account} />
    </section>
  );
}
