import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { ImportSource } from '../../../shared/contract/imports';
import type { Progress } from '../../../shared/contract/workspace';
import { CoreError } from '../errors';
import { throttleProgress } from '../progress';
import type { Db } from '../store/open';
import { importDraftFile, looksLikeDraftFile } from './draftFile';
import { sessionFromDraft } from './drafts';
import { sessionFromWorkbook } from './open';
import { defaultReadLimits, readSpreadsheet } from './read';
import { refusal } from './read/refusals';
import type { Session, Sessions } from './session';

/** The file's name and bytes, from the path main's dialog chose or from a drop. */
async function fileOf(
  source: z.infer<typeof ImportSource>,
): Promise<{ name: string; bytes: Uint8Array }> {
  if (source.kind === 'upload')
    return { name: source.name, bytes: Buffer.from(source.base64, 'base64') };
  const name = basename(source.path);
  const size = await stat(source.path).then(
    (s) => s.size,
    () => {
      throw new CoreError(
        'not_found',
        `“${source.path}” can't be opened: it was moved, deleted or is not readable.`,
      );
    },
  );
  // The same words a dropped file gets (read/refusals.ts).
  if (size > defaultReadLimits.maxFileBytes)
    throw refusal.tooBig(name, size, defaultReadLimits.maxFileBytes);
  return { name, bytes: await readFile(source.path) };
}

/** Reads a spreadsheet or one of our draft files into a new session. */
export async function openFile(
  db: Db,
  sessions: Sessions,
  source: z.infer<typeof ImportSource>,
  signal: AbortSignal,
  progress?: (progress: Progress) => void,
): Promise<Session> {
  const file = await fileOf(source);
  if (looksLikeDraftFile(file.bytes)) {
    const { content, notes } = importDraftFile(db, file.name, file.bytes);
    return sessionFromDraft(sessions, content, null, notes);
  }
  const report = progress ? throttleProgress(progress) : undefined;
  const workbook = await readSpreadsheet(file, {
    signal,
    onProgress: ({ label, done, total }) => report?.({ task: 'import:open', label, done, total }),
  });
  const session = sessionFromWorkbook(db, sessions, file.name, workbook);
  session.sourceSha256 = createHash('sha256').update(file.bytes).digest('hex');
  session.sourceBytes = file.bytes;
  return session;
}
