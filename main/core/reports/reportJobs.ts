import { CoreError } from '../errors';

/**
 * The long report work running now (exports, evidence packs, reconciliations, audit checks), so
 * one `reports:cancel` can stop it. Each job gets its own signal; a cancelled job ends with
 * a `cancelled` error unless it chooses to keep what it has (a reconciliation).
 */
export class ReportJobs {
  private readonly running = new Set<AbortController>();

  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(controller);
    }
  }

  /** Stops every running job; false when nothing was running. */
  cancel(): boolean {
    const any = this.running.size > 0;
    for (const controller of this.running) controller.abort();
    return any;
  }
}

/** Throws the desk's "stopped" once a job's signal is aborted. */
export function stopIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CoreError('cancelled', `${what} was stopped; nothing was kept.`);
}
