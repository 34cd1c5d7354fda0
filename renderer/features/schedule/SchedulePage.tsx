import { ComingLater } from '../../app/ComingLater';

/** Being built; a placeholder so the section is in the navigation already. */
export function SchedulePage() {
  return <ComingLater title="Scheduled" text="This section is being built." />;
}
