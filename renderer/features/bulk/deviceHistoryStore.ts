import { create } from 'zustand';
import type { z } from 'zod';
import type { AppError } from '../../../shared/contract';
import type { DeviceHistoryEntry } from '../../../shared/contract/bulkView';
import { api } from '../../api/client';

export type HistoryEntry = z.infer<typeof DeviceHistoryEntry>;

interface DeviceHistoryState {
  deviceChangeId: number | null;
  /** Oldest first, as the audit log keeps them; null while being read. */
  entries: readonly HistoryEntry[] | null;
  error: AppError | null;
  /** Reads a device change's history (again, when its row moved on). */
  load(deviceChangeId: number): Promise<void>;
}

/** The audit log's requests and answers for the device change open beside the grid. */
export const useDeviceHistoryStore = create<DeviceHistoryState>()((set, get) => ({
  deviceChangeId: null,
  entries: null,
  error: null,
  async load(deviceChangeId) {
    if (deviceChangeId !== get().deviceChangeId)
      set({ deviceChangeId, entries: null, error: null });
    const result = await api.invoke('bulk:deviceHistory', { deviceChangeId });
    if (get().deviceChangeId !== deviceChangeId) return;
    set(result.ok ? { entries: result.value, error: null } : { error: result.error });
  },
}));
