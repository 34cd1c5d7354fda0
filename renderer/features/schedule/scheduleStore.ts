import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { ScheduledChange } from '../../../shared/contract/bulkView';
import { api } from '../../api/client';
import { formatCount } from '../../ui/format';

const PAGE = 200;

interface ScheduleState {
  entries: ScheduledChange[] | null;
  total: number;
  error: AppError | null;
  notice: string | null;
  busy: boolean;
  selected: ReadonlySet<number>;
  /** Reads the soonest changes again; a selection keeps the rows still listed. */
  load(): Promise<void>;
  more(): Promise<void>;
  toggle(deviceChangeId: number): void;
  /** Selects every listed row, or none when all are selected already. */
  toggleAll(): void;
  cancelSelected(): Promise<void>;
}

const changes = (n: number) => `${formatCount(n)} scheduled ${n === 1 ? 'change' : 'changes'}`;

/** Every future-dated change still waiting, soonest first, and the rows ticked for cancelling. */
export const useScheduleStore = create<ScheduleState>()((set, get) => {
  let generation = 0;
  return {
    entries: null,
    total: 0,
    error: null,
    notice: null,
    busy: false,
    selected: new Set(),
    async load() {
      const asked = ++generation;
      const shown = Math.max(PAGE, get().entries?.length ?? 0);
      const result = await api.invoke('schedule:list', { offset: 0, limit: Math.min(500, shown) });
      if (asked !== generation) return;
      if (!result.ok) return set({ error: result.error });
      const listed = new Set(result.value.entries.map((e) => e.deviceChangeId));
      set(({ selected }) => ({
        entries: result.value.entries,
        total: result.value.total,
        error: null,
        selected: new Set([...selected].filter((id) => listed.has(id))),
      }));
    },
    async more() {
      const { entries } = get();
      if (!entries) return;
      const asked = ++generation;
      const result = await api.invoke('schedule:list', { offset: entries.length, limit: PAGE });
      if (asked !== generation) return;
      if (!result.ok) return set({ error: result.error });
      set({ entries: [...entries, ...result.value.entries], total: result.value.total });
    },
    toggle(id) {
      set(({ selected }) => {
        const next = new Set(selected);
        if (!next.delete(id)) next.add(id);
        return { selected: next, notice: null };
      });
    },
    toggleAll() {
      set(({ entries, selected }) => {
        const all = entries ?? [];
        const every = all.length > 0 && all.every((e) => selected.has(e.deviceChangeId));
        return { selected: new Set(every ? [] : all.map((e) => e.deviceChangeId)), notice: null };
      });
    },
    async cancelSelected() {
      const ids = [...get().selected];
      if (ids.length === 0 || get().busy) return;
      set({ busy: true, error: null, notice: null });
      const result = await api.invoke('schedule:cancel', { deviceChangeIds: ids });
      set({ busy: false });
      await get().load();
      // After the reload, which would clear it: the list may have moved on since it was read.
      if (!result.ok) return set({ error: result.error });
      set({
        selected: new Set(),
        notice: `${changes(result.value.cancelled)} cancelled; nothing was sent for ${result.value.cancelled === 1 ? 'it' : 'them'}.`,
      });
    },
  };
});
