import { create } from 'zustand';
import type { AppError } from '../../shared/contract';
import type { WorkspaceInfo } from '../../shared/contract/workspace';
import { api } from '../api/client';

interface WorkspaceState {
  info: WorkspaceInfo | null;
  error: AppError | null;
  load(): Promise<void>;
}

/** Which workspace is open: its name, whether it is the sandbox, and how many devices it holds. */
export const useWorkspaceStore = create<WorkspaceState>()((set) => ({
  info: null,
  error: null,
  async load() {
    const result = await api.invoke('workspace:info', {});
    set(result.ok ? { info: result.value, error: null } : { error: result.error });
  },
}));
