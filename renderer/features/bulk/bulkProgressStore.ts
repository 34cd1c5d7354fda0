import { create } from 'zustand';
import type { BulkProgress, BulkSummary } from '../../../shared/contract/bulk';
import type { BulkDetail } from '../../../shared/contract/bulkView';
import { advance, isRunning, progressFromSummary, type ProgressModel } from './progressModel';

interface BulkProgressState {
  /** The latest progress of each bulk change heard of this session, by id. */
  byId: Readonly<Record<number, ProgressModel>>;
  /** A `bulk:progress` event (events.ts calls this). */
  report(event: BulkProgress, at?: number): void;
  /** Core's counts, read when a view opens; a live model of a running change is kept instead. */
  seed(summary: BulkSummary | BulkDetail, at?: number): void;
}

/** The progress model of every bulk change that reported, fed by the event stream. */
export const useBulkProgressStore = create<BulkProgressState>()((set) => ({
  byId: {},
  report(event, at = Date.now()) {
    set(({ byId }) => ({
      byId: { ...byId, [event.bulkChangeId]: advance(byId[event.bulkChangeId], event, at) },
    }));
  },
  seed(summary, at = Date.now()) {
    set(({ byId }) => {
      const live = byId[summary.id];
      // A running change's events are newer than any read, and carry its rate.
      if (live && isRunning(live)) return {};
      return { byId: { ...byId, [summary.id]: progressFromSummary(summary, at) } };
    });
  },
}));
