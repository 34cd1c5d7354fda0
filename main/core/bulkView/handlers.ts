import { CoreError } from '../errors';
import type { CoreHandlers } from '../handlers';
import type { Db } from '../store/open';

type BulkViewChannel =
  | 'bulk:detail'
  | 'bulk:rows'
  | 'bulk:deviceHistory'
  | 'bulk:resolveReview'
  | 'bulk:failedRows'
  | 'bulk:history'
  | 'schedule:list'
  | 'schedule:cancel';

export interface BulkViewDeps {
  db: Db;
  createdBy: string;
  /** After rows change state outside the engine (resolved, cancelled), so progress is re-announced. */
  onChanged?: (bulkChangeIds: number[]) => void;
}

const notYet = () => {
  throw new CoreError('unavailable', 'This part of the bulk change view is being built.');
};

/** The bulk change view, history and schedule channels. */
export function bulkViewHandlers(_deps: BulkViewDeps): Pick<CoreHandlers, BulkViewChannel> {
  return {
    'bulk:detail': notYet,
    'bulk:rows': notYet,
    'bulk:deviceHistory': notYet,
    'bulk:resolveReview': notYet,
    'bulk:failedRows': notYet,
    'bulk:history': notYet,
    'schedule:list': notYet,
    'schedule:cancel': notYet,
  };
}
