/**
 * Zip archives built and taken apart in tests, byte by byte, so a test can make an xlsx-shaped
 * package that lies about its sizes or holds a crafted part.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** A fresh Uint8Array: a Buffer's slice() is a view, and a test editing a "copy" would edit the original. */
const plain = (bytes: Uint8Array) => new Uint8Array(bytes);

/** One part of a zip a test builds; `declaredSize` makes both headers lie about its size. */
export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  store?: boolean;
  declaredSize?: number;
}

const bytesOf = (data: Uint8Array | string) =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data;

/** A plain zip (no ZIP64, no data descriptors), laid out the way Excel lays out its packages. */
export function zipArchive(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = new TextEncoder().encode(part.name);
    const raw = bytesOf(part.data);
    const data = part.store ? raw : deflateRawSync(raw);
    const fields = (view: DataView, at: number) => {
      view.setUint16(at, part.store ? 0 : 8, true);
      view.setUint32(at + 6, crc32(raw), true);
      view.setUint32(at + 10, data.byteLength, true);
      view.setUint32(at + 14, part.declaredSize ?? raw.byteLength, true);
      view.setUint16(at + 18, name.byteLength, true);
    };
    const local = new Uint8Array(30 + name.byteLength);
    const localView = new DataView(local.buffer);
    localView.setUint32(0, 0x04034b50, true);
    localView.setUint16(4, 20, true);
    fields(localView, 8);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.byteLength);
    const centralView = new DataView(central.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint16(4, 20, true);
    centralView.setUint16(6, 20, true);
    fields(centralView, 10);
    centralView.setUint32(42, offset, true);
    central.set(name, 46);
    chunks.push(local, data);
    directory.push(central);
    offset += local.byteLength + data.byteLength;
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(
    12,
    directory.reduce((sum, bytes) => sum + bytes.byteLength, 0),
    true,
  );
  end.setUint32(16, offset, true);
  return plain(Buffer.concat([...chunks, ...directory, new Uint8Array(end.buffer)]));
}

/** The parts of a zip written by this file or by SheetJS (trusted: no checks). */
export function zipParts(zip: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  const parts = new Map<string, Uint8Array>();
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + view.getUint32(at + 20, true));
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    parts.set(name, view.getUint16(at + 10, true) === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return parts;
}

/** A zip with some parts replaced or added. */
export function editZip(zip: Uint8Array, changes: Record<string, Uint8Array | string>): Uint8Array {
  const parts = zipParts(zip);
  for (const [name, data] of Object.entries(changes)) parts.set(name, bytesOf(data));
  return zipArchive([...parts].map(([name, data]) => ({ name, data })));
}
