import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAccountsStore } from '../features/settings/accountsStore';
import { deviceCount } from '../ui/format';
import { ProgressIndicator } from './ProgressIndicator';
import { useWorkspaceStore } from './workspaceStore';
import './Header.css';

const accounts = (n: number) => `${n} live ${n === 1 ? 'account' : 'accounts'}`;

/** Which workspace is open, how big it is, and any long work running in it. */
export function Header() {
  const { info, failed } = useWorkspaceStore(
    useShallow((state) => ({ info: state.info, failed: state.error !== null })),
  );
  const live = useAccountsStore(
    (state) => state.accounts?.filter((account) => account.mode === 'live').length ?? 0,
  );
  const loadAccounts = useAccountsStore((state) => state.load);
  useEffect(() => {
    void loadAccounts();
  }, [loadAccounts]);
  return (
    <header className="header">
      <div className="header__workspace">
        <span className="header__name">
          {info?.name ?? (failed ? 'Workspace not open' : 'Opening workspace…')}
        </span>
        {info?.sandbox && (
          <span
            className="header__badge"
            title={
              live === 0
                ? 'Changes here go to the built-in carrier simulators, never to a real carrier.'
                : `This sandbox also has ${accounts(live)}: changes to their devices reach the real carrier.`
            }
          >
            {live === 0 ? 'Sandbox' : `Sandbox + ${accounts(live)}`}
          </span>
        )}
        {info && <span className="header__count">{deviceCount(info.deviceCount)}</span>}
      </div>
      <ProgressIndicator />
    </header>
  );
}
