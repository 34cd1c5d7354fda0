/**
 * A carrier's documented limit as the simulator enforces it: calls started in any one-second
 * window and calls in flight at once. Breaches are counted so tests can prove a client kept to it.
 */
// A little under a second, as a real gateway's counters are not millisecond-exact either.
const WINDOW_MS = 975;

export class RateGate {
  private readonly starts: number[] = [];
  private inFlight = 0;
  violations = 0;
  concurrencyViolations = 0;

  constructor(
    private readonly limits: { perSecond?: number; concurrency?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a call starting; returns false if it breaks the limit. */
  enter(): boolean {
    const now = this.now();
    while (this.starts.length > 0 && now - this.starts[0]! >= WINDOW_MS) this.starts.shift();
    this.starts.push(now);
    this.inFlight += 1;
    const tooFast =
      this.limits.perSecond !== undefined && this.starts.length > this.limits.perSecond;
    const tooMany =
      this.limits.concurrency !== undefined && this.inFlight > this.limits.concurrency;
    if (tooFast) this.violations += 1;
    if (tooMany) this.concurrencyViolations += 1;
    return !tooFast && !tooMany;
  }

  leave(): void {
    this.inFlight -= 1;
  }
}
