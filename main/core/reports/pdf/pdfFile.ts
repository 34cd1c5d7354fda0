import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * The body of a PDF 1.4 file written object by object to a stream. Only each object's byte offset
 * is kept (for the cross-reference table at the end), so memory does not grow with the content.
 * Object numbers can be reserved before the object is written: the page tree and the page total
 * are referred to from every page but only known at the end.
 */
export class PdfFile {
  private readonly offsets: number[] = [];
  private written = 0;

  constructor(private readonly out: Writable) {}

  get bytes(): number {
    return this.written;
  }

  /** Writes the header; the second line's high bytes tell transfer tools the file is binary. */
  async start(): Promise<void> {
    await this.write(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  }

  /** A new object number, to refer to before the object is written. */
  reserve(): number {
    this.offsets.push(-1);
    return this.offsets.length;
  }

  /** Writes object `id` with a dictionary or other direct value. */
  async object(id: number, value: string): Promise<void> {
    this.offsets[id - 1] = this.written;
    await this.write(Buffer.from(`${id} 0 obj\n${value}\nendobj\n`, 'latin1'));
  }

  /** Writes object `id` as a stream; `dictionary` is the inside of << >> without /Length. */
  async stream(id: number, dictionary: string, data: Buffer): Promise<void> {
    this.offsets[id - 1] = this.written;
    const head = `${id} 0 obj\n<< ${dictionary} /Length ${data.length} >>\nstream\n`;
    await this.write(Buffer.from(head, 'latin1'));
    await this.write(data);
    await this.write(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  /** Writes the cross-reference table and trailer; every reserved object must be written. */
  async finish(rootId: number, infoId: number): Promise<void> {
    const unwritten = this.offsets.findIndex((offset) => offset < 0);
    if (unwritten >= 0) throw new Error(`PDF object ${unwritten + 1} was reserved but not written`);
    const xrefAt = this.written;
    const size = this.offsets.length + 1;
    // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
    const entries = this.offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`);
    const xref = `xref\n0 ${size}\n0000000000 65535 f\r\n${entries.join('')}`;
    const trailer = `trailer\n<< /Size ${size} /Root ${rootId} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await this.write(Buffer.from(xref + trailer, 'latin1'));
  }

  private async write(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

/** A PDF literal string: WinAnsi text with its delimiters and backslashes escaped. */
export function pdfString(encoded: string): string {
  return `(${encoded.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A PDF text string for the document information dictionary (UTF-16BE with a BOM, as hex). */
export function pdfTextString(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}
