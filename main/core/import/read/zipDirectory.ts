/**
 * A zip's central directory, read strictly: anything SheetJS's unzip would read differently
 * from us (local headers that disagree, overlapping entries, ZIP64, split archives) is refused,
 * so the sizes we check are the sizes it will inflate.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; nothing else is accepted. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's (compressed) data starts. */
  dataStart: number;
}

/** Why a zip was not accepted: broken, or built in a way Excel never builds workbooks. */
export type ZipProblem = { problem: 'damaged' | 'odd' | 'encrypted'; detail: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
const ENCRYPTED_FLAGS = 0x0001 | 0x0040 | 0x2000;
const DATA_DESCRIPTOR = 0x0008;

const damaged = (detail: string): ZipProblem => ({ problem: 'damaged', detail });
const odd = (detail: string): ZipProblem => ({ problem: 'odd', detail });

/** The last end-of-directory signature, as SheetJS looks for it (from the very end backwards). */
function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_BYTES - MAX_COMMENT);
  for (let at = view.byteLength - 4; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** The entries of a zip, or the first thing wrong with it. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return damaged('its table of contents is missing; the file may be cut short');
  if (
    end + EOCD_BYTES > bytes.byteLength ||
    end + EOCD_BYTES + view.getUint16(end + 20, true) !== bytes.byteLength
  )
    return damaged('its table of contents does not end the file');
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) return odd('ZIP64');
  const diskEntries = view.getUint16(end + 8, true);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0)
    return odd('split over several disks');
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff)
    return odd('ZIP64');
  if (diskEntries !== entryCount) return odd('split over several disks');
  if (entryCount > maxEntries)
    return odd(`${entryCount} parts; at most ${maxEntries} are accepted`);
  if (directoryStart + directorySize !== end) return damaged('its table of contents is misplaced');

  const names = new Set<string>();
  const entries: ZipEntry[] = [];
  const spans: [number, number][] = [];
  let at = directoryStart;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      return damaged('its table of contents is cut short');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next =
      at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    if (next > end) return damaged('its table of contents is cut short');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder('utf-8').decode(rawName);
    if (flags & ENCRYPTED_FLAGS) return { problem: 'encrypted', detail: name };
    if (method !== 0 && method !== 8) return odd(`compression method ${method} in ${name}`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return odd('ZIP64');
    if (names.has(name)) return odd(`${name} appears twice`);
    names.add(name);

    if (localAt + 30 > directoryStart || view.getUint32(localAt, true) !== LOCAL)
      return damaged(`the part ${name} is missing`);
    const localNameLength = view.getUint16(localAt + 26, true);
    const dataStart = localAt + 30 + localNameLength + view.getUint16(localAt + 28, true);
    const localSizes = [view.getUint32(localAt + 18, true), view.getUint32(localAt + 22, true)];
    const sizesAgree =
      (localSizes[0] === compressedSize && localSizes[1] === uncompressedSize) ||
      ((flags & DATA_DESCRIPTOR) !== 0 && localSizes[0] === 0 && localSizes[1] === 0);
    const namesAgree =
      localNameLength === nameLength &&
      bytes.subarray(localAt + 30, localAt + 30 + nameLength).every((b, k) => b === rawName[k]);
    if (
      !sizesAgree ||
      !namesAgree ||
      view.getUint16(localAt + 6, true) !== flags ||
      view.getUint16(localAt + 8, true) !== method
    )
      return odd(`the two headers of ${name} disagree`);
    if (dataStart + compressedSize > directoryStart)
      return damaged(`the part ${name} is cut short`);
    spans.push([localAt, dataStart + compressedSize]);
    entries.push({ name, method, compressedSize, uncompressedSize, dataStart });
    at = next;
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) return odd('parts that overlap');
  }
  return entries;
}

export const isZipProblem = (result: ZipEntry[] | ZipProblem): result is ZipProblem =>
  !Array.isArray(result);
