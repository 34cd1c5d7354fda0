/** How many times each operation was applied to each device: proof nothing ran twice. */
export class ApplyCounter {
  private readonly counts = new Map<string, number>();

  record(iccid: string, operation: string): void {
    const key = `${iccid} ${operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get(iccid: string, operation: string): number {
    return this.counts.get(`${iccid} ${operation}`) ?? 0;
  }

  /** Every (device, operation) applied more than once. */
  duplicates(): { iccid: string; operation: string; count: number }[] {
    return [...this.counts]
      .filter(([, count]) => count > 1)
      .map(([key, count]) => {
        const [iccid = '', operation = ''] = key.split(' ');
        return { iccid, operation, count };
      });
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  clear(): void {
    this.counts.clear();
  }
}
