/** How many times each operation was applied to each device: proof nothing ran twice. */
export class ApplyCounter {
  private readonly counts = new Map<string, Map<string, number>>();

  record(iccid: string, operation: string): void {
    const perDevice = this.counts.get(iccid) ?? new Map<string, number>();
    this.counts.set(iccid, perDevice);
    perDevice.set(operation, (perDevice.get(operation) ?? 0) + 1);
  }

  get(iccid: string, operation: string): number {
    return this.counts.get(iccid)?.get(operation) ?? 0;
  }

  /** Every (device, operation) applied more than once. */
  duplicates(): { iccid: string; operation: string; count: number }[] {
    const found: { iccid: string; operation: string; count: number }[] = [];
    for (const [iccid, perDevice] of this.counts) {
      for (const [operation, count] of perDevice)
        if (count > 1) found.push({ iccid, operation, count });
    }
    return found;
  }

  total(): number {
    let sum = 0;
    for (const perDevice of this.counts.values())
      for (const count of perDevice.values()) sum += count;
    return sum;
  }

  clear(): void {
    this.counts.clear();
  }
}
