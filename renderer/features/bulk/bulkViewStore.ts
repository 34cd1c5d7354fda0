import { isFinalBulkStatus } from '../../../shared/domain/changes';
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/contract';
import type { BulkProgress, BulkSummary } from '../../../shared/contract/bulk';
import type { BulkDetail } from '../../../shared/contract/bulkView';
import { api } from '../../api/client';
import { saveDownload } from '../../ui/download';
import { formatCount } from '../../ui/format';
import { useBulkProgressStore } from './bulkProgressStore';
import { useDeviceRowsStore } from './deviceRowsStore';

export type BulkAction =
  'submit' | 'pause' | 'resume' | 'cancel' | 'retry' | 'resolve' | 'download';

interface BulkViewState {
  bulkChangeId: number | null;
  /** The header: what, who, when, from which file, on which accounts. */
  detail: BulkDetail | null;
  /** Why the header could not be read, until a read succeeds. */
  loadError: AppError | null;
  /** The last action that failed, in core's words, until the next one starts. */
  error: AppError | null;
  /** A quiet note on what the last action did. */
  notice: string | null;
  busy: BulkAction | null;
  open(bulkChangeId: number): Promise<void>;
  /** The view is gone: its header and rows stop following progress. */
  close(): void;
  /** A progress report: the header is read again every few seconds, and at once when the change ends. */
  progressed(event: BulkProgress): void;
}

const initial = { detail: null, loadError: null, error: null, notice: null, busy: null };
/** The header's counts per account are read again this often while progress comes. */
const DETAIL_EVERY_MS = 2_000;
let detailTimer: ReturnType<typeof setTimeout> | null = null;

/** The bulk change open in the view: its header, and the actions the desk takes on it. */
export const useBulkViewStore = create<BulkViewState>()(() => ({
  bulkChangeId: null,
  ...initial,
  open: openBulkChange,
  close() {
    set({ bulkChangeId: null, ...initial });
    useDeviceRowsStore.getState().close();
  },
  progressed(event) {
    const { bulkChangeId, detail } = get();
    if (event.bulkChangeId !== bulkChangeId || !detail) return;
    // A change that just ended is read at once, for its end time and final counts.
    if (isFinalBulkStatus(event.status) && detail.status !== event.status)
      void readDetail(bulkChangeId);
    else if (detailTimer === null)
      detailTimer = setTimeout(() => {
        detailTimer = null;
        if (get().bulkChangeId === bulkChangeId) void readDetail(bulkChangeId);
      }, DETAIL_EVERY_MS);
  },
}));

const set = useBulkViewStore.setState;
const get = useBulkViewStore.getState;

async function openBulkChange(bulkChangeId: number): Promise<void> {
  if (get().bulkChangeId !== bulkChangeId) set({ bulkChangeId, ...initial });
  useDeviceRowsStore.getState().open(bulkChangeId);
  await readDetail(bulkChangeId);
}

async function readDetail(bulkChangeId: number): Promise<void> {
  const askedAt = Date.now();
  const result = await api.invoke('bulk:detail', { bulkChangeId });
  if (get().bulkChangeId !== bulkChangeId) return;
  if (!result.ok) return set({ loadError: result.error });
  useBulkProgressStore.getState().seed(result.value, Date.now(), askedAt);
  set({ detail: result.value, loadError: null });
}

/** Runs one action on the open bulk change; on success its answer updates the progress. */
async function act(
  busy: BulkAction,
  call: (bulkChangeId: number) => Promise<Result<BulkSummary>>,
  notice: (summary: BulkSummary) => string | null,
): Promise<boolean> {
  const { bulkChangeId } = get();
  if (bulkChangeId === null || get().busy !== null) return false;
  set({ busy, error: null, notice: null });
  const askedAt = Date.now();
  const result = await call(bulkChangeId);
  if (get().bulkChangeId !== bulkChangeId) return false;
  if (!result.ok) {
    set({ busy: null, error: result.error });
    return false;
  }
  useBulkProgressStore.getState().seed(result.value, Date.now(), askedAt);
  useDeviceRowsStore.getState().progressed(bulkChangeId);
  set({ busy: null, notice: notice(result.value) });
  // The counts per account moved too (resolved, cancelled or retried rows).
  void readDetail(bulkChangeId);
  return true;
}

const rows = (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/** Queues a draft: the engine starts on it. */
export const submitDraft = () =>
  act(
    'submit',
    (bulkChangeId) => api.invoke('bulk:submit', { bulkChangeId }),
    () => null,
  );

/** Stops sending; calls already at a carrier finish. */
export const pause = () =>
  act(
    'pause',
    (bulkChangeId) => api.invoke('bulk:pause', { bulkChangeId }),
    () => 'Paused. Calls already sent to a carrier finish; nothing else is sent until you resume.',
  );

export const resume = () =>
  act(
    'resume',
    (bulkChangeId) => api.invoke('bulk:resume', { bulkChangeId }),
    () => null,
  );

/** Cancels every row not sent yet. */
export const cancelRemaining = () =>
  act(
    'cancel',
    (bulkChangeId) => api.invoke('bulk:cancel', { bulkChangeId }),
    (summary) =>
      `Cancelled the rows not sent yet. ${rows(summary.counts.CANCELLED)} cancelled in all.`,
  );

/** Puts the failed rows back in the queue with fresh attempts. */
export function retryFailed(): Promise<boolean> {
  const failed = useBulkProgressStore.getState().byId[get().bulkChangeId ?? 0]?.counts.FAILED;
  return act(
    'retry',
    (bulkChangeId) => api.invoke('bulk:retryFailed', { bulkChangeId }),
    () => (failed ? `${rows(failed)} queued again.` : 'The failed rows are queued again.'),
  );
}

/** Closes NEEDS_REVIEW rows (all of them, or `deviceChangeIds`) as done or failed, with the reason. */
export const resolveReview = (
  outcome: 'SUCCEEDED' | 'FAILED',
  reason: string,
  deviceChangeIds?: number[],
) =>
  act(
    'resolve',
    (bulkChangeId) =>
      api.invoke('bulk:resolveReview', { bulkChangeId, outcome, reason, deviceChangeIds }),
    () =>
      `Marked ${deviceChangeIds?.length === 1 ? 'the row' : 'the rows'} ${outcome === 'SUCCEEDED' ? 'done' : 'failed'}; the reason is in the audit log.`,
  );

/** The failed rows as a file in the import template's layout, to correct and import again. */
export async function downloadFailedRows(format: 'xlsx' | 'csv'): Promise<void> {
  const { bulkChangeId } = get();
  if (bulkChangeId === null || get().busy !== null) return;
  set({ busy: 'download', error: null, notice: null });
  const result = await api.invoke('bulk:failedRows', { bulkChangeId, format });
  if (get().bulkChangeId !== bulkChangeId) return;
  if (!result.ok) return set({ busy: null, error: result.error });
  saveDownload(result.value);
  set({
    busy: null,
    notice: `Saved ${result.value.fileName}. Correct the rows, then open it on the Import page.`,
  });
}
