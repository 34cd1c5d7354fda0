import { z } from 'zod';

/** Error codes the UI can act on. `internal` is a bug, everything else is the user's to fix. */
export const ErrorCode = z.enum([
  'invalid_request',
  'unknown_channel',
  'forbidden_sender',
  'unauthorized',
  'not_found',
  'conflict',
  'keychain_unavailable',
  'workspace_incompatible',
  'cancelled',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({ code: ErrorCode, message: z.string() });
export type AppError = z.infer<typeof AppError>;

/** Every call across a process boundary answers with this. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
