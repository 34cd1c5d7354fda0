import type { ReportTask } from '../../../shared/contract/reports';
import { CoreError } from '../errors';

/**
 * The long report work running now (exports, evidence packs, reconciliations, audit checks), so
 * `reports:cancel` can stop it, by kind or all at once. Each job gets its own signal; a cancelled job ends with
 * a `cancelled` error unless it chooses to keep what it has (a reconciliation).
 */
export class ReportJobs {
  private readonly running = new Map<AbortController, ReportTask>();

  async run<T>(task: ReportTask, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.set(controller, task);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(controller);
    }
  }

  /** Stops the running jobs of one kind, or all; false when none was running. */
  cancel(task?: ReportTask): boolean {
    let any = false;
    for (const [controller, kind] of this.running) {
      if (task !== undefined && kind !== task) continue;
      controller.abort();
      any = true;
    }
    return any;
  }
}

/** Throws the desk's "stopped" once a job's signal is aborted. */
export function stopIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CoreError('cancelled', `${what} was stopped; nothing was kept.`);
}
