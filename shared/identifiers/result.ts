import type { IdentifierKind, IdentifierProblem, IdentifierResult } from './types';

/** Builds a successful result. */
export function pass(kind: IdentifierKind, value: string, notes: string[]): IdentifierResult {
  return { ok: true, kind, value, notes };
}

/** Builds a rejection. */
export function fail(
  kind: IdentifierKind,
  input: string,
  problem: IdentifierProblem,
  message: string,
): IdentifierResult {
  return { ok: false, kind, input, problem, message };
}
