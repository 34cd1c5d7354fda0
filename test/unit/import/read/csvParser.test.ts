import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../../main/core/import/read';
import { CsvParser } from '../../../../main/core/import/read/csvParser';

class Refused extends Error {}

/** Parses `pieces` in order, as the reader does chunk by chunk. */
function parse(pieces: string[], delimiter = ',', maxColumns = 100): Cell[][] {
  const records: Cell[][] = [];
  const parser = new CsvParser(delimiter, maxColumns, {
    record: (cells) => records.push(cells),
    tooWide: (row) => {
      throw new Refused(`too wide at ${row}`);
    },
    unclosedQuote: (row) => {
      throw new Refused(`unclosed quote from ${row}`);
    },
  });
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return records;
}

/** Every way of cutting `text` in two, plus one piece per character. */
const cuts = (text: string) => [
  ...Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]),
  [...text],
];

describe('the CSV parser', () => {
  it('reads quoted fields with doubled quotes, delimiters and line ends inside', () => {
    expect(parse(['a,"b,c","say ""hi""","two\r\nlines",e\n'])).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines', 'e'],
    ]);
  });

  it('ends records at CRLF, LF or CR, and reads a last line without a line end', () => {
    expect(parse(['1,a\r\n2,b\n3,c\r4,d'])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
      ['4', 'd'],
    ]);
  });

  it('keeps cells as written (no trimming), makes empty fields null and drops trailing ones', () => {
    expect(parse([' 8901 ,,"",x,,\n,,\n\n'])).toEqual([[' 8901 ', null, null, 'x'], [], []]);
  });

  it('reads what Excel reads: a stray quote inside a field, and text after a closing quote', () => {
    expect(parse(['5" screen,"abc"def,"x" \n'])).toEqual([['5" screen', 'abcdef', 'x ']]);
  });

  it('gives the same records wherever the text is cut into pieces', () => {
    const text = 'id;"note"\r\n1;"a ""quoted""\r\nnote"\r\n2;\r\r3;"";x\r\n';
    const whole = parse([text], ';');
    expect(whole).toEqual([
      ['id', 'note'],
      ['1', 'a "quoted"\r\nnote'],
      ['2'],
      [],
      ['3', null, 'x'],
    ]);
    for (const pieces of cuts(text)) expect(parse(pieces, ';')).toEqual(whole);
  });

  it('reads back any grid written with RFC 4180 quoting, however the text is cut', () => {
    const field = fc.oneof(
      fc.constantFrom('', '"', ',', '\r\n', '\n', ' '),
      fc.string({ maxLength: 6 }),
    );
    const grid = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    });
    const quote = (value: string) =>
      /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    fc.assert(
      fc.property(grid, fc.array(fc.nat(), { maxLength: 6 }), (rows, cutPoints) => {
        const text = rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
        const points = [...new Set(cutPoints.map((p) => p % (text.length + 1)))].sort(
          (a, b) => a - b,
        );
        const pieces = [0, ...points].map((from, i) =>
          text.slice(from, [...points, text.length][i]),
        );
        const expected = rows.map((row) => {
          const cells: Cell[] = row.map((value) => (value === '' ? null : value));
          while (cells.length > 0 && cells.at(-1) === null) cells.pop();
          return cells;
        });
        expect(parse(pieces)).toEqual(expected);
      }),
    );
  });

  it('refuses a quote that is never closed, naming the row it opened in', () => {
    expect(() => parse(['a,b\n1,2\n3,"unclosed\n4,5\n'])).toThrow('unclosed quote from 3');
  });

  it('refuses a value past the column limit, but not empty fields past it', () => {
    expect(parse(['a,b,c,,,,,,\n'], ',', 3)).toEqual([['a', 'b', 'c']]);
    expect(() => parse(['a,b\na,b,c,d\n'], ',', 3)).toThrow('too wide at 2');
  });
});
