import { create } from 'zustand';
import type { BulkProgress, BulkSummary } from '../../../shared/contract/bulk';
import type { BulkDetail } from '../../../shared/contract/bulkView';
import { advance, isRunning, progressFromSummary, type ProgressModel } from './progressModel';

interface BulkProgressState {
  /** The latest progress of each bulk change heard of this session, by id. */
  byId: Readonly<Record<number, ProgressModel>>;
  /** When each bulk change's latest event arrived. */
  heardAt: Readonly<Record<number, number>>;
  /** A `bulk:progress` event (events.ts calls this). */
  report(event: BulkProgress, at?: number): void;
  /**
   * Core's counts, read when a view opens or an action answers. A live model of a running
   * change is kept instead, and so is any event that arrived after the read was asked for.
   */
  seed(summary: BulkSummary | BulkDetail, at?: number, askedAt?: number): void;
}

/** The progress model of every bulk change that reported, fed by the event stream. */
export const useBulkProgressStore = create<BulkProgressState>()((set) => ({
  byId: {},
  heardAt: {},
  report(event, at = Date.now()) {
    set(({ byId, heardAt }) => ({
      byId: { ...byId, [event.bulkChangeId]: advance(byId[event.bulkChangeId], event, at) },
      heardAt: { ...heardAt, [event.bulkChangeId]: at },
    }));
  },
  seed(summary, at = Date.now(), askedAt = at) {
    set(({ byId, heardAt }) => {
      const live = byId[summary.id];
      // A running change's events are newer than any read, and carry its rate.
      if (live && isRunning(live)) return {};
      // A read answered after the change's final event may still describe it running.
      if ((heardAt[summary.id] ?? -Infinity) >= askedAt) return {};
      return { byId: { ...byId, [summary.id]: progressFromSummary(summary, at) } };
    });
  },
}));
