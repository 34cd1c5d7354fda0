/** What the first bytes say a file is, whatever its name claims. */
export type Container =
  { kind: 'zip' } | { kind: 'cfb' } | { kind: 'text' } | { kind: 'other'; what: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

/** Files customers send by mistake, named so the desk can ask for the right one. */
const lookalikes: { magic: readonly number[]; what: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'a Rich Text (RTF) document' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'an empty zip archive' },
];

/**
 * Old systems export "Excel" files that are really web pages or Excel 2003 XML; SheetJS would
 * read them, but they are text our CSV reader would garble, so they are named instead.
 */
function markupLookalike(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table'))
    return 'a web page (HTML) saved under a spreadsheet name';
  if (head.startsWith('<?xml'))
    return head.includes('urn:schemas-microsoft-com:office:spreadsheet')
      ? 'an Excel 2003 XML spreadsheet'
      : 'an XML document';
  return null;
}

/** Zip (xlsx and its look-alikes), OLE compound file (xls, encrypted xlsx), text, or other. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  const lookalike = lookalikes.find((candidate) => startsWith(bytes, candidate.magic));
  if (lookalike) return { kind: 'other', what: lookalike.what };
  const markup = markupLookalike(bytes);
  if (markup) return { kind: 'other', what: markup };
  return { kind: 'text' };
}
