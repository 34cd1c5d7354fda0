import { isUtf8 } from 'node:buffer';

/** How a text file is encoded: the name shown to the desk and the WHATWG decoder label. */
export interface TextEncoding {
  name: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
  label: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const UTF8: TextEncoding = { name: 'UTF-8', label: 'utf-8' };
const UTF16LE: TextEncoding = { name: 'UTF-16LE', label: 'utf-16le' };
const UTF16BE: TextEncoding = { name: 'UTF-16BE', label: 'utf-16be' };
const WINDOWS_1252: TextEncoding = { name: 'Windows-1252', label: 'windows-1252' };

const SAMPLE_BYTES = 4096;

/**
 * UTF-16 without a byte-order mark, when it is plain to see: text in Latin script has a zero
 * high byte in nearly every character, so NULs fill one byte position of each pair and not the
 * other. Returns null when NULs are scattered (binary data) or absent.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(bytes.byteLength, SAMPLE_BYTES) / 2);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNuls++;
    if (bytes[2 * i + 1] === 0) oddNuls++;
  }
  const mostly = pairs * 0.4;
  const hardly = pairs * 0.02;
  if (oddNuls >= mostly && evenNuls <= hardly) return UTF16LE;
  if (evenNuls >= mostly && oddNuls <= hardly) return UTF16BE;
  return null;
}

/**
 * The encoding of a CSV file: a byte-order mark if it has one, UTF-16 if its NULs say so, UTF-8
 * if it is valid UTF-8, else Windows-1252 (what Excel writes for "CSV" on Western Windows; a
 * superset of Latin-1 for printable text). Null for binary data, which text never is: a NUL
 * outside UTF-16.
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return UTF8;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE;
  // Buffer's indexOf is a memchr; a Uint8Array's is several times slower on 50 MB.
  const hasNul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1;
  if (!hasNul) return isUtf8(bytes) ? UTF8 : WINDOWS_1252;
  return utf16WithoutBom(bytes);
}
