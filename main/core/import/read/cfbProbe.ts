/**
 * What an OLE compound file (the container of .xls, and of an xlsx once Excel encrypts it)
 * holds, judged from its directory entry names.
 *
 * Directory entries are 128-byte records, and every sector starts at a multiple of 512 bytes, so
 * each entry sits at a 128-byte-aligned offset. Scanning those offsets for well-formed entries
 * (UTF-16LE name, its length field, a storage or stream type) finds every name without following
 * the sector chains, which a crafted file could loop; SheetJS, in its worker, does that walk.
 */
export type CfbContent = 'workbook' | 'encrypted' | { what: string };

const ENTRY_BYTES = 128;
const HEADER_BYTES = 512;
const NAME_BYTES = 64;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

function entryName(bytes: Uint8Array, view: DataView, at: number): string | null {
  const nameLength = view.getUint16(at + NAME_BYTES, true);
  const type = bytes[at + NAME_BYTES + 2];
  if (type !== STORAGE && type !== STREAM && type !== ROOT) return null;
  if (nameLength < 4 || nameLength > NAME_BYTES || nameLength % 2 !== 0) return null;
  // The name ends in exactly one NUL character, at the position its length says.
  if (view.getUint16(at + nameLength - 2, true) !== 0) return null;
  let name = '';
  for (let i = 0; i < nameLength - 2; i += 2) {
    const code = view.getUint16(at + i, true);
    if (code === 0) return null;
    name += String.fromCharCode(code);
  }
  return name.toLowerCase();
}

/** The directory names of a compound file, lower-cased (CFB names are case-insensitive). */
function directoryNames(bytes: Uint8Array): Set<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  for (let at = HEADER_BYTES; at + ENTRY_BYTES <= bytes.byteLength; at += ENTRY_BYTES) {
    const name = entryName(bytes, view, at);
    if (name !== null) names.add(name);
  }
  return names;
}

/** Whether a compound file is an Excel 97-2003 workbook, an encrypted workbook, or neither. */
export function probeCfb(bytes: Uint8Array): CfbContent {
  const names = directoryNames(bytes);
  if (names.has('encryptedpackage') || names.has('encryptioninfo')) return 'encrypted';
  if (names.has('workbook') || names.has('book')) return 'workbook';
  if (names.has('worddocument')) return { what: 'a Word document (.doc)' };
  if (names.has('powerpoint document')) return { what: 'a PowerPoint presentation (.ppt)' };
  if (names.has('__nameid_version1.0')) return { what: 'an Outlook message (.msg)' };
  return { what: 'an Office file that holds no Excel workbook' };
}
