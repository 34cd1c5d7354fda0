import { useNavigation } from '../../app/navigationStore';
import { BulkChangeView } from './BulkChangeView';
import { BulkHistory } from './BulkHistory';
import '../../ui/controls.css';
import './BulkChangesPage.css';

/** The Bulk changes section: the history of them all, or one bulk change's live view. */
export function BulkChangesPage() {
  const bulkChangeId = useNavigation((state) => state.bulkChangeId);
  return bulkChangeId === null ? (
    <BulkHistory />
  ) : (
    <BulkChangeView key={bulkChangeId} bulkChangeId={bulkChangeId} />
  );
}
