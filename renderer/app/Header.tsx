import { useShallow } from 'zustand/react/shallow';
import { deviceCount } from '../ui/format';
import { ProgressIndicator } from './ProgressIndicator';
import { useWorkspaceStore } from './workspaceStore';
import './Header.css';

/** Which workspace is open, how big it is, and any long work running in it. */
export function Header() {
  const { info, failed } = useWorkspaceStore(
    useShallow((state) => ({ info: state.info, failed: state.error !== null })),
  );
  return (
    <header className="header">
      <div className="header__workspace">
        <span className="header__name">
          {info?.name ?? (failed ? 'Workspace not open' : 'Opening workspace…')}
        </span>
        {info?.sandbox && (
          <span
            className="header__badge"
            title="Changes here go to the built-in carrier simulators, never to a real carrier."
          >
            Sandbox
          </span>
        )}
        {info && <span className="header__count">{deviceCount(info.deviceCount)}</span>}
      </div>
      <ProgressIndicator />
    </header>
  );
}
