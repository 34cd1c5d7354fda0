/**
 * The simulator's notion of now: real time plus an offset tests can push forward, so token
 * expiry, idle timeouts, quotas and effective dates are tested without waiting.
 */
export class SimClock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  date(): Date {
    return new Date(this.now());
  }
}
