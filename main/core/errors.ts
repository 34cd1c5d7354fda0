import type { ErrorCode } from '../../shared/contract/result';

/** An error meant for the person at the desk: a code the UI can act on and plain words. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
