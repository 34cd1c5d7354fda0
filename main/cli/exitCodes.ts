import type { AppError } from '../../shared/contract';
import type { BulkStatus } from '../../shared/domain/changes';

/** What `carrier-ops` exits with; `--help` lists these and scripts branch on them. */
export const ExitCode = {
  processed: 0,
  unexpected: 1,
  badInput: 2,
  partial: 3,
  failed: 4,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export { isFinalBulkStatus as isFinal } from '../../shared/domain/changes';

/** The exit code for a bulk change that has ended. */
export function exitCodeFor(status: BulkStatus): ExitCode {
  if (status === 'PROCESSED') return ExitCode.processed;
  if (status === 'PARTIAL') return ExitCode.partial;
  return ExitCode.failed;
}

/** A failure meant for the person at the terminal: plain words and the exit code to end with. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Core's answer when it refused: the user's to fix (exit 2), or a bug (exit 1). */
export function fromCoreError(error: AppError): CliError {
  const usersToFix = ['invalid_request', 'not_found', 'conflict', 'unknown_channel'];
  return new CliError(
    usersToFix.includes(error.code) ? ExitCode.badInput : ExitCode.unexpected,
    error.message,
  );
}
