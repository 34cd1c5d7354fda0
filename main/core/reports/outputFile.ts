import { randomUUID } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CoreError } from '../errors';

/** What the file system said, in words that tell the desk what to do instead. */
export function fileError(path: string, error: unknown): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new CoreError(
        'invalid_request',
        `The folder for ${path} does not exist (any more); choose another place to save it.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
    case 'EROFS':
      return new CoreError(
        'invalid_request',
        `${path} cannot be written: the folder is read-only, or the file is open in another program. Close it (e.g. in Excel) or choose another place, then save again.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new CoreError(
        'invalid_request',
        `The disk holding ${path} is full; free some space or choose another place, then save again.`,
      );
    default:
      return error;
  }
}

/** A Writable over an open file, for writers that stream (zips); the caller closes the file. */
function fileWritable(file: FileHandle): Writable {
  // Not file.createWriteStream(): that stream would hold the handle the caller closes.
  return new Writable({
    write: (chunk: Buffer, _encoding, done) => void file.write(chunk).then(() => done(), done),
  });
}

/**
 * Runs a streaming writer over an open file. Every write lands before this settles, also when
 * the writer stops part way, so the caller may close the file at once.
 */
export async function streamInto<T>(
  file: FileHandle,
  write: (out: Writable) => Promise<T>,
): Promise<T> {
  const out = fileWritable(file);
  try {
    const result = await write(out);
    out.end();
    await finished(out);
    return result;
  } catch (error) {
    out.end();
    await finished(out).catch(() => undefined);
    throw error;
  }
}

/**
 * A file written beside its final path under a name no other writer shares, and moved into
 * place only once complete, so nobody opens half a report and two exports never mix.
 */
export interface OutputFile {
  readonly handle: FileHandle;
  /** The handle as a stream; every write to it lands before complete() or abandon() closes. */
  stream(): Writable;
  /** Closes and moves the file into place; its size in bytes. */
  complete(): Promise<number>;
  /** Closes and removes what was written. */
  abandon(): Promise<void>;
}

/** Starts writing `path`; fails at once, in the desk's words, where it cannot be written. */
export async function startOutput(path: string): Promise<OutputFile> {
  const partial = `${path}.${randomUUID().slice(0, 8)}.partial`;
  let handle: FileHandle;
  try {
    handle = await open(partial, 'wx');
  } catch (error) {
    throw fileError(path, error);
  }
  let writable: Writable | null = null;
  const settle = async (strict: boolean) => {
    if (writable) {
      writable.end();
      await (strict ? finished(writable) : finished(writable).catch(() => undefined));
    }
    await handle.close();
  };
  return {
    handle,
    stream: () => (writable ??= fileWritable(handle)),
    async complete() {
      try {
        await settle(true);
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw fileError(path, error);
      }
      return (await stat(path)).size;
    },
    async abandon() {
      await settle(false).catch(() => undefined);
      await rm(partial, { force: true });
    },
  };
}

/** "2026-11-22T09-31-18", safe in a file name on every system. */
const stamp = () => new Date().toISOString().slice(0, 19).replace(/:/g, '-');

/**
 * A path in `folder` that no earlier export has and no concurrent one will take: the name is
 * reserved by creating it empty (the finished file replaces it). The stem may hold stored text
 * (an ICCID), so it is kept to one plain name inside the folder.
 */
export async function reserveFreshPath(
  folder: string,
  stem: string,
  extension: string,
): Promise<string> {
  const base = join(folder, `${stem.replace(/[^\w-]/g, '_')}-${stamp()}`);
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${base}.${extension}` : `${base}-${n}.${extension}`;
    try {
      await (await open(path, 'wx')).close();
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(path, error);
    }
  }
}
