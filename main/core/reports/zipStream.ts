import { once } from 'node:events';
import type { FileHandle } from 'node:fs/promises';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

// Bit 3: sizes and CRC follow the data (not known before it is streamed); bit 11: UTF-8 names.
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
// 1980-01-01, the earliest date zip can hold: a fixed stamp keeps the same report byte-identical.
const DOS_DATE = 0x21;

/**
 * A zip archive written entry by entry to an open file, each entry deflated as it streams in,
 * so an archive of any size needs the memory of one chunk. No zip64: entries stay under 4 GB.
 */
export function zipStream(file: FileHandle) {
  const entries: Written[] = [];
  let position = 0;
  const put = async (bytes: Buffer) => {
    await file.write(bytes);
    position += bytes.length;
  };

  /** Adds one entry from chunks of text, awaiting the deflater when it is full. */
  async function entry(path: string, chunks: AsyncIterable<string> | Iterable<string>) {
    const name = Buffer.from(path, 'utf8');
    const written: Written = { name, crc: 0, compressed: 0, size: 0, offset: position };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(VERSION, 4);
    head.writeUInt16LE(FLAGS, 6);
    head.writeUInt16LE(DEFLATE, 8);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt16LE(name.length, 26);
    await put(Buffer.concat([head, name]));
    const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
    const drained = (async () => {
      for await (const out of deflate as AsyncIterable<Buffer>) {
        written.compressed += out.length;
        await put(out);
      }
    })();
    for await (const text of chunks) {
      const bytes = Buffer.from(text, 'utf8');
      written.crc = crc32(bytes, written.crc);
      written.size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
    deflate.end();
    await drained;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(written.crc >>> 0, 4);
    descriptor.writeUInt32LE(written.compressed, 8);
    descriptor.writeUInt32LE(written.size, 12);
    await put(descriptor);
    entries.push(written);
  }

  /** Writes the central directory; the archive is complete after this. */
  async function finish() {
    const start = position;
    for (const e of entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt16LE(DOS_DATE, 14);
      record.writeUInt32LE(e.crc >>> 0, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      await put(Buffer.concat([record, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(position - start, 12);
    end.writeUInt32LE(start, 16);
    await put(end);
  }

  return { entry, finish };
}
