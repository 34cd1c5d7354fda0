import { ComingLater } from '../../app/ComingLater';

/** Being built; a placeholder so the section is in the navigation already. */
export function SettingsPage() {
  return <ComingLater title="Settings" text="This section is being built." />;
}
