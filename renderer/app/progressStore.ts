import { create } from 'zustand';
import type { Progress } from '../../shared/contract/workspace';

interface ProgressState {
  /** Long work in core that is still running, by task. */
  running: Readonly<Record<string, Progress>>;
  report(progress: Progress): void;
}

export const useProgressStore = create<ProgressState>()((set) => ({
  running: {},
  report(progress) {
    set(({ running }) => {
      const { [progress.task]: _finished, ...others } = running;
      return {
        running: progress.done < progress.total ? { ...others, [progress.task]: progress } : others,
      };
    });
  },
}));
