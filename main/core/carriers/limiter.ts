export interface LimiterOptions {
  /** Calls started per second, spaced evenly (no bursts: "≤ 5 per second" holds in every window). */
  ratePerSecond: number;
  /** Calls in flight at once (Cisco: 1). */
  concurrency: number;
}

const SPACING_MARGIN = 1.02;

interface Waiter {
  start: () => void;
}

/**
 * One carrier account's lane: spaces call starts by 1/rate, caps calls in flight, and can be
 * paused (a carrier's Retry-After) without losing queued calls.
 */
export class Limiter {
  private readonly interval: number;
  private readonly queue: Waiter[] = [];
  private active = 0;
  private nextStart = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Most calls that were ever in flight together; tests assert the cap held. */
  peakActive = 0;
  started = 0;

  constructor(readonly options: LimiterOptions) {
    if (!(options.ratePerSecond > 0) || !(options.concurrency >= 1)) {
      throw new RangeError('A lane needs a positive rate and a concurrency of at least 1.');
    }
    // Carriers count calls where they arrive; 2 % spare keeps connection-setup jitter from
    // pushing an evenly spaced call into the previous second there.
    this.interval = (1000 / options.ratePerSecond) * SPACING_MARGIN;
  }

  /** Runs `task` when the lane allows it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.active -= 1;
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  /** Holds every call until `ms` from now, e.g. for a 429's Retry-After. */
  pauseFor(ms: number): void {
    this.nextStart = Math.max(this.nextStart, Date.now() + ms);
    this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    while (this.queue.length > 0 && this.active < this.options.concurrency) {
      const now = Date.now();
      if (now < this.nextStart) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, this.nextStart - now);
        return;
      }
      const waiter = this.queue.shift()!;
      this.active += 1;
      this.started += 1;
      this.peakActive = Math.max(this.peakActive, this.active);
      this.nextStart = Math.max(now, this.nextStart) + this.interval;
      waiter.start();
    }
  }
}
