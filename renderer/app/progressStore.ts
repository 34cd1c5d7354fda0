import { create } from 'zustand';
import type { Progress } from '../../shared/contract/workspace';

interface ProgressState {
  /** Long work in core that is still running, by task. */
  running: Readonly<Record<string, Progress>>;
  report(progress: Progress): void;
  /** Forgets a task whose call has ended, in case its last report never came (a cancelled check). */
  finish(task: string): void;
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
  finish(task) {
    set(({ running }) => {
      if (!(task in running)) return {};
      const { [task]: _finished, ...others } = running;
      return { running: others };
    });
  },
}));
