import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Cell, Workbook } from './index';
import { detectTextEncoding } from './csvEncoding';
import { excelSeparatorLine, sniffDelimiter } from './csvDelimiter';
import { CsvParser } from './csvParser';
import type { ReadContext } from './readContext';
import { refusal } from './refusals';

/** About 10 ms of parsing between yields, so core answers other calls meanwhile. */
const CHUNK_BYTES = 256 * 1024;
const SAMPLE_BYTES = 64 * 1024;

/** Excel names a CSV's only sheet after the file. */
const sheetName = (fileName: string) => fileName.replace(/\.[^.]*$/, '') || fileName;

/**
 * Reads a CSV file in chunks on this thread: encoding and delimiter sniffed from the start,
 * progress reported by bytes, a yield to the event loop and a cancel check after every chunk.
 */
export async function readCsv(bytes: Uint8Array, context: ReadContext): Promise<Workbook> {
  const { name, limits, signal } = context;
  const encoding = detectTextEncoding(bytes);
  if (!encoding) throw refusal.notSpreadsheet(name, null);

  const sampleEnd = Math.min(bytes.byteLength, SAMPLE_BYTES);
  const sample = new TextDecoder(encoding.label).decode(bytes.subarray(0, sampleEnd));
  const separatorLine = excelSeparatorLine(sample);
  const delimiter =
    separatorLine?.delimiter ?? sniffDelimiter(sample, sampleEnd === bytes.byteLength);

  const rows: Cell[][] = [];
  // Blank records wait here until a record with data follows, so trailing ones are dropped.
  let blanks = 0;
  const parser = new CsvParser(delimiter, limits.maxColumns, {
    record(cells) {
      if (cells.length === 0) {
        blanks++;
        return;
      }
      if (rows.length + blanks >= limits.maxRows)
        throw refusal.tooManyRows(name, null, limits.maxRows);
      for (; blanks > 0; blanks--) rows.push([]);
      rows.push(cells);
    },
    tooWide(row) {
      throw refusal.tooManyColumns(name, null, row, limits.maxColumns);
    },
    unclosedQuote(row) {
      throw refusal.unclosedQuote(name, row);
    },
  });

  const total = bytes.byteLength;
  const decoder = new TextDecoder(encoding.label);
  // Excel hides its `sep=` line; so do we, so that row numbers match.
  let skip = separatorLine?.length ?? 0;
  context.onProgress?.({ label: `Reading ${context.name}`, done: 0, total });
  for (let offset = 0; offset < total; offset += CHUNK_BYTES) {
    const end = Math.min(offset + CHUNK_BYTES, total);
    let text = decoder.decode(bytes.subarray(offset, end), { stream: end < total });
    if (skip > 0) {
      const dropped = Math.min(skip, text.length);
      text = text.slice(dropped);
      skip -= dropped;
    }
    parser.push(text);
    context.onProgress?.({ label: `Reading ${context.name}`, done: end, total });
    if (end < total) {
      await yieldToLoop();
      if (signal?.aborted) throw refusal.cancelled(name);
    }
  }
  parser.end();
  return {
    format: 'csv',
    encoding: encoding.name,
    delimiter,
    sheets: [{ name: sheetName(name), rows }],
  };
}
