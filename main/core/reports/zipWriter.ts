import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/** What a zip entry is read from: all at once, or chunk by chunk (a file stream, a generator). */
export type ZipSource = Uint8Array | string | AsyncIterable<Uint8Array | string>;

/** What was stored for one entry: its uncompressed size and SHA-256 (hex), for SHA256SUMS. */
export interface ZipEntryWritten {
  name: string;
  size: number;
  sha256: string;
}

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

// Flags: bit 3, sizes and CRC follow the data (so entries stream); bit 11, names are UTF-8.
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION_NEEDED = 20;
// Made by Unix (3), spec 2.0, so unzip applies the rw-r--r-- permissions below.
const VERSION_MADE_BY = (3 << 8) | 20;
const FILE_MODE = 0o100644;
// Without ZIP64 every size and offset is a 32-bit field and the entry count a 16-bit one.
const LIMIT_32 = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date:
      ((Math.max(date.getFullYear(), 1980) - 1980) << 9) |
      ((date.getMonth() + 1) << 5) |
      date.getDate(),
  };
}

async function* chunksOf(source: ZipSource): AsyncGenerator<Buffer> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield Buffer.from(source);
    return;
  }
  for await (const chunk of source) yield Buffer.from(chunk);
}

/**
 * A zip archive written entry by entry to a stream, each entry deflated as it is read, so a
 * large report never sits in memory: report workbooks and evidence packs. Plain zip (no ZIP64): the archive and every entry must stay
 * under 4 GiB and 65,535 entries, far above an evidence pack; beyond that it refuses rather than
 * writing an archive unzip would misread.
 */
export class ZipWriter {
  private readonly central: CentralRecord[] = [];
  private readonly stamp: { time: number; date: number };
  private written = 0;

  /**
   * `modified` is the time stamped on every entry (local time, as zip tools show it); `level`
   * the deflate level, lower for speed where the archive is rebuilt often (a report workbook).
   */
  constructor(
    private readonly out: Writable,
    modified: Date = new Date(),
    private readonly level: number = constants.Z_DEFAULT_COMPRESSION,
  ) {
    this.stamp = dosDateTime(modified);
  }

  /** Adds one entry; entries are written in the order added. */
  async add(name: string, source: ZipSource): Promise<ZipEntryWritten> {
    if (this.central.length >= MAX_ENTRIES)
      throw new Error('A zip without ZIP64 holds at most 65,535 files');
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.written;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION_NEEDED, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    await this.write(Buffer.concat([header, nameBytes]));

    let crc = 0;
    let size = 0;
    let compressed = 0;
    const hash = createHash('sha256');
    await pipeline(
      chunksOf(source),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          crc = crc32(chunk, crc);
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createDeflateRaw({ level: this.level }),
      async (deflated: AsyncIterable<Buffer>) => {
        for await (const chunk of deflated) {
          compressed += chunk.length;
          await this.write(chunk);
        }
      },
    );
    if (size > LIMIT_32 || compressed > LIMIT_32 || this.written > LIMIT_32) {
      throw new Error(`"${name}" takes the zip past 4 GiB, which needs ZIP64`);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.central.push({ name: nameBytes, crc, compressed, size, offset });
    return { name, size, sha256: hash.digest('hex') };
  }

  /** Writes the central directory; the caller ends `out`. Returns the archive's size in bytes. */
  async finish(): Promise<number> {
    const start = this.written;
    for (const entry of this.central) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION_MADE_BY, 4);
      record.writeUInt16LE(VERSION_NEEDED, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
      record.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([record, entry.name]));
    }
    const size = this.written - start;
    if (this.written > LIMIT_32) throw new Error('The zip passed 4 GiB, which needs ZIP64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    return this.written;
  }

  private async write(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
