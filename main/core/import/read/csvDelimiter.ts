import { CsvParser } from './csvParser';

const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_RECORDS = 100;

/** Excel's own hint, a first line such as `sep=;`: the delimiter and the length of that line. */
export function excelSeparatorLine(text: string): { delimiter: string; length: number } | null {
  const match = /^sep=([^\r\n])(\r\n|\n|\r)/.exec(text);
  return match ? { delimiter: match[1]!, length: match[0].length } : null;
}

/** Field counts of the first records of `sample`, parsed with `delimiter`, blank lines left out. */
function fieldCounts(sample: string, complete: boolean, delimiter: string): number[] {
  const counts: number[] = [];
  const stop = new Error('enough records');
  const parser = new CsvParser(delimiter, Number.POSITIVE_INFINITY, {
    record(cells, fields) {
      if (cells.length > 0 || fields > 1) counts.push(fields);
      if (counts.length === SAMPLE_RECORDS) throw stop;
    },
    tooWide: () => {
      throw stop;
    },
    unclosedQuote: () => {
      throw stop;
    },
  });
  try {
    parser.push(sample);
    // A sample cut from a longer file ends mid-record; that record is left out.
    if (complete) parser.end();
  } catch (error) {
    if (error !== stop) throw error;
  }
  return counts;
}

/**
 * The delimiter among , ; TAB | that splits the sample's records most consistently (quotes
 * respected): the most records with the same field count, then more fields, then that order.
 * A single-column file has none, and reads the same with any, so it gets a comma.
 */
export function sniffDelimiter(sample: string, complete: boolean): string {
  let best = { delimiter: ',', share: 0, width: 1 };
  for (const delimiter of CANDIDATES) {
    const counts = fieldCounts(sample, complete, delimiter);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [width, times] of frequency) {
      if (width < 2) continue;
      const share = times / counts.length;
      if (share > best.share || (share === best.share && width > best.width))
        best = { delimiter, share, width };
    }
  }
  return best.delimiter;
}
