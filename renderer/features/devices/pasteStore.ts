import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { UnmatchedId } from '../../../shared/contract/devices';
import { api } from '../../api/client';
import { pastePieces } from './pastePieces';
import { useSelectionStore } from './selectionStore';
import { toQuery, useDevicesStore } from './store';

export interface PasteReport {
  ids: number;
  matched: number;
  duplicates: number;
  unmatched: UnmatchedId[];
}

interface PasteState {
  /** While a paste is being matched: how far through its text core is, and ids read so far. */
  progress: { done: number; total: number; ids: number } | null;
  report: PasteReport | null;
  error: AppError | null;
  /** Sends the text to core piece by piece; the grid then shows and selects what matched. */
  match(text: string): Promise<boolean>;
  /** Stops sending pieces; nothing changes in the grid. */
  cancel(): void;
  dismiss(): void;
}

/** Bumped by each paste and by cancel, so an abandoned paste stops between pieces. */
let run = 0;

export const usePasteStore = create<PasteState>()((set) => ({
  progress: null,
  report: null,
  error: null,
  async match(text) {
    const mine = ++run;
    const pieces = pastePieces(text);
    set({ progress: { done: 0, total: text.length, ids: 0 }, error: null });
    let listId: string | undefined;
    let done = 0;
    const report: PasteReport = { ids: 0, matched: 0, duplicates: 0, unmatched: [] };
    for (const piece of pieces) {
      const result = await api.invoke('devices:match', { text: piece, listId });
      if (run !== mine) return false;
      if (!result.ok) {
        set({ progress: null, error: result.error });
        return false;
      }
      const { ids, matched, duplicates, unmatched } = result.value;
      listId = result.value.listId;
      Object.assign(report, { ids, matched, duplicates });
      report.unmatched = report.unmatched.concat(unmatched);
      done += piece.length;
      set({ progress: { done, total: text.length, ids: report.ids } });
    }
    set({ progress: null, report });
    if (listId !== undefined && report.matched > 0) {
      const list = { id: listId, devices: report.matched };
      useDevicesStore.getState().showList(list);
      useSelectionStore
        .getState()
        .selectAllMatching(toQuery(useDevicesStore.getState().filters), report.matched);
    }
    return true;
  },
  cancel() {
    run += 1;
    set({ progress: null });
  },
  dismiss: () => set({ report: null, error: null }),
}));
