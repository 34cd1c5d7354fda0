import { createInflateRaw } from 'node:zlib';
import type { ReadContext } from './readContext';
import { refusal } from './refusals';
import { isZipProblem, readZipDirectory, type ZipEntry, type ZipProblem } from './zipDirectory';

/**
 * Small parts may compress far better than 100:1 (an empty styles sheet is mostly repetition);
 * Apache POI applies its ratio rule only past a similar grace size.
 */
const RATIO_GRACE_BYTES = 100 * 1024;
const INFLATE_CHUNK_BYTES = 256 * 1024;
const PROGRESS_LABEL = 'Checking the file';

/** What a zip is when it isn't an Excel workbook, named the way the desk would say it. */
function notAWorkbook(bytes: Uint8Array, entries: ZipEntry[]): string | null {
  const names = new Set(entries.map((entry) => entry.name));
  const under = (folder: string) => entries.some((entry) => entry.name.startsWith(folder));
  if (names.has('xl/workbook.bin')) return 'an Excel binary workbook (.xlsb)';
  if (names.has('[Content_Types].xml') && under('xl/')) return null;
  if (under('word/')) return 'a Word document (.docx)';
  if (under('ppt/')) return 'a PowerPoint presentation (.pptx)';
  const mimetype = entries.find((entry) => entry.name === 'mimetype' && entry.method === 0);
  if (mimetype) {
    const type = new TextDecoder().decode(
      bytes.subarray(mimetype.dataStart, mimetype.dataStart + mimetype.compressedSize),
    );
    return type.includes('opendocument.spreadsheet')
      ? 'an OpenDocument spreadsheet (.ods)'
      : 'an OpenDocument file';
  }
  if (under('Index/') || names.has('Index.zip')) return 'an Apple Numbers file';
  return 'a zip archive';
}

function refusalFor(name: string, problem: ZipProblem) {
  switch (problem.problem) {
    case 'encrypted':
      return refusal.passwordProtected(name);
    case 'odd':
      return refusal.oddArchive(name, problem.detail);
    case 'damaged':
      return refusal.damaged(name, problem.detail);
  }
}

const ratioCap = (entry: ZipEntry, ratio: number) =>
  Math.max(RATIO_GRACE_BYTES, entry.compressedSize * ratio);

/** How many bytes a deflated part really inflates to, stopping once it passes `cap`. */
function inflatedSize(
  data: Uint8Array,
  cap: number,
  context: ReadContext,
  onInput: (consumed: number) => void,
): Promise<number | 'over' | 'broken'> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
    let size = 0;
    const onAbort = () => {
      inflate.destroy();
      reject(refusal.cancelled(context.name));
    };
    const settle = (result: number | 'over' | 'broken') => {
      context.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    context.signal?.addEventListener('abort', onAbort, { once: true });
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > cap) {
        inflate.destroy();
        settle('over');
      } else onInput(inflate.bytesWritten);
    });
    inflate.on('error', () => settle('broken'));
    inflate.on('end', () => settle(size));
    inflate.end(data);
  });
}

/**
 * Refuses, before SheetJS sees it, a zip that isn't an xlsx, is built oddly, or unpacks to too
 * much. Declared sizes are checked first (cheap); then every part is inflated once with output
 * discarded, because SheetJS trusts the declared sizes and a crafted file can lie.
 */
export async function preflightZip(bytes: Uint8Array, context: ReadContext): Promise<void> {
  const { name, limits } = context;
  const entries = readZipDirectory(bytes, limits.maxZipEntries);
  if (isZipProblem(entries)) throw refusalFor(name, entries);
  const what = notAWorkbook(bytes, entries);
  if (what) throw refusal.notExcel(name, what);

  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes)
    throw refusal.unpacksTooBig(name, limits.maxUncompressedBytes);
  const tooWell = entries.find((e) => e.uncompressedSize > ratioCap(e, limits.maxInflateRatio));
  if (tooWell) throw refusal.compressesTooWell(name, limits.maxInflateRatio, tooWell.name);

  const total = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
  const report = (done: number) =>
    context.onProgress?.({ label: PROGRESS_LABEL, done: Math.min(done, total), total });
  report(0);
  let checked = 0;
  let unpacked = 0;
  for (const entry of entries) {
    if (context.signal?.aborted) throw refusal.cancelled(name);
    if (entry.method === 8) {
      const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      const budget = limits.maxUncompressedBytes - unpacked;
      const cap = Math.min(budget, ratioCap(entry, limits.maxInflateRatio));
      const before = checked;
      const size = await inflatedSize(data, cap, context, (consumed) => report(before + consumed));
      if (size === 'broken') throw refusal.damaged(name, `the part ${entry.name} is corrupt`);
      if (size === 'over')
        throw cap === budget
          ? refusal.unpacksTooBig(name, limits.maxUncompressedBytes)
          : refusal.compressesTooWell(name, limits.maxInflateRatio, entry.name);
      if (size !== entry.uncompressedSize)
        throw refusal.damaged(name, `the part ${entry.name} is not the size it says`);
    } else if (entry.compressedSize !== entry.uncompressedSize) {
      throw refusal.damaged(name, `the part ${entry.name} is not the size it says`);
    }
    unpacked += entry.uncompressedSize;
    checked += entry.compressedSize;
    report(checked);
  }
}
