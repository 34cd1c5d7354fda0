import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/**
 * Each page's text as `pdftotext -layout` lays it out (pages end in a form feed). pdftotext is
 * part of the test toolchain (poppler-utils, installed by CI): missing, the test fails rather
 * than passing unchecked; any complaint about the file fails too.
 */
export function pdfPages(file: string, range: string[] = []): string[] {
  const run = spawnSync('pdftotext', [...range, '-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(`pdftotext could not run (${run.error.message}); install poppler-utils.`);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout.split('\f').slice(0, -1);
}
