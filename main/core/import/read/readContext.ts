import type { ReadLimits, ReadProgress } from './index';

/** What every step of one read needs: the file's name for messages, limits, cancel, progress. */
export interface ReadContext {
  name: string;
  limits: ReadLimits;
  signal: AbortSignal | undefined;
  onProgress: ((progress: ReadProgress) => void) | undefined;
}
