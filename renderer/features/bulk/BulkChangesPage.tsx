import { ComingLater } from '../../app/ComingLater';

/** Being built; a placeholder so the section is in the navigation already. */
export function BulkChangesPage() {
  return <ComingLater title="Bulk changes" text="This section is being built." />;
}
