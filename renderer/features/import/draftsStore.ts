import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { DraftSummary } from '../../../shared/contract/imports';
import { api } from '../../api/client';

interface DraftsState {
  drafts: DraftSummary[] | null;
  error: AppError | null;
  load(): Promise<void>;
  /** Deletes a draft; the list is read again either way. */
  remove(draftId: number): Promise<void>;
}

/** The saved drafts, newest first. */
export const useDraftsStore = create<DraftsState>()((set, get) => ({
  drafts: null,
  error: null,
  async load() {
    const result = await api.invoke('drafts:list', {});
    set(result.ok ? { drafts: result.value, error: null } : { error: result.error });
  },
  async remove(draftId) {
    const result = await api.invoke('drafts:delete', { draftId });
    await get().load();
    // After the reload, which clears the error it had no trouble with.
    if (!result.ok) set({ error: result.error });
  },
}));
