import { create } from 'zustand';
import type { DeviceQuery, DeviceSelection } from '../../../shared/contract/devices';
import type { DeviceFilters } from './store';

/** Core takes at most this many unticked devices out of a select-all. */
const MAX_EXCEPT = 100_000;

export type Selection =
  | { kind: 'none' }
  /** Devices ticked one by one (or a range, or the rows shown), by ICCID; kept across filters. */
  | { kind: 'ids'; ids: ReadonlySet<string> }
  /** Everything matching a filter but the unticked; ends when the filters change. */
  | { kind: 'filter'; filter: DeviceQuery; matching: number; except: ReadonlySet<string> };

interface SelectionState {
  selection: Selection;
  /** Row of the last box clicked, where a shift-click range starts. */
  anchor: number | null;
  /** A select-all the desk lost by changing the filters, so the bar can say so and undo it. */
  ended: { selection: Selection & { kind: 'filter' }; filters: DeviceFilters } | null;
  /** A short word on what the last action couldn't do. */
  note: string | null;
  /** Ticks or unticks devices; `anchor` is the row a later shift-click ranges from. */
  setMany(iccids: readonly string[], selected: boolean, anchor?: number): void;
  selectAllMatching(filter: DeviceQuery, matching: number): void;
  clear(): void;
  /** Called by the grid's store when the filters change: a select-all ends there. */
  filtersChanged(previous: DeviceFilters): void;
  /** Brings back the select-all that the last filter change ended (its filters are put back first). */
  restoreEnded(): void;
  setNote(note: string | null): void;
}

export const isSelected = (selection: Selection, iccid: string): boolean =>
  selection.kind === 'ids'
    ? selection.ids.has(iccid)
    : selection.kind === 'filter' && !selection.except.has(iccid);

export const selectedCount = (selection: Selection): number =>
  selection.kind === 'ids'
    ? selection.ids.size
    : selection.kind === 'filter'
      ? Math.max(0, selection.matching - selection.except.size)
      : 0;

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  selection: { kind: 'none' },
  anchor: null,
  ended: null,
  note: null,
  setMany(iccids, selected, anchor) {
    const { selection } = get();
    const next = { anchor: anchor ?? get().anchor, note: null, ended: null };
    if (selection.kind === 'filter') {
      const except = new Set(selection.except);
      for (const iccid of iccids) {
        if (selected) except.delete(iccid);
        else except.add(iccid);
      }
      if (except.size > MAX_EXCEPT) {
        set({ note: 'Too many devices unticked from “all matching”: narrow the filters instead.' });
        return;
      }
      set({ ...next, selection: { ...selection, except } });
      return;
    }
    const ids = new Set(selection.kind === 'ids' ? selection.ids : []);
    for (const iccid of iccids) {
      if (selected) ids.add(iccid);
      else ids.delete(iccid);
    }
    set({ ...next, selection: ids.size > 0 ? { kind: 'ids', ids } : { kind: 'none' } });
  },
  selectAllMatching: (filter, matching) =>
    set({
      selection: { kind: 'filter', filter, matching, except: new Set() },
      anchor: null,
      ended: null,
      note: null,
    }),
  clear: () => set({ selection: { kind: 'none' }, anchor: null, ended: null, note: null }),
  filtersChanged(previous) {
    const { selection } = get();
    set({ note: null });
    if (selection.kind === 'filter')
      set({ selection: { kind: 'none' }, ended: { selection, filters: previous } });
  },
  restoreEnded() {
    const { ended } = get();
    if (ended) set({ selection: ended.selection, ended: null, anchor: null });
  },
  setNote: (note) => set({ note }),
}));

/** What the desk has selected, as core takes it, and how many devices that is; null for nothing. */
export function currentSelection(): { selection: DeviceSelection; count: number } | null {
  const { selection } = useSelectionStore.getState();
  const count = selectedCount(selection);
  if (count === 0 || selection.kind === 'none') return null;
  return selection.kind === 'ids'
    ? { selection: { kind: 'ids', ids: [...selection.ids] }, count }
    : {
        selection: { kind: 'filter', filter: selection.filter, except: [...selection.except] },
        count,
      };
}
