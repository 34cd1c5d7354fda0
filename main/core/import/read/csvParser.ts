import type { Cell } from './index';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Where the parser is between two characters; kept across pieces of text. */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just read a quote inside a quoted field: the next character says "" (a quote) or the end. */
const QUOTED_QUOTE = 3;

/** A record is one spreadsheet row; its number counts records, not lines (quotes hold newlines). */
export interface CsvSink {
  /** `fields` counts the fields as written, before trailing empty ones were dropped. */
  record(cells: Cell[], fields: number): void;
  /** A record has a value past the column limit. */
  tooWide(row: number): never;
  /** The text ended inside a quoted field that began in `row`. */
  unclosedQuote(row: number): never;
}

/**
 * An incremental RFC 4180 parser: text goes in as pieces of any size (a field, a quote or a CRLF
 * may straddle two pieces), records come out. Also reads what Excel reads: LF or CR line ends, a
 * quote inside an unquoted field as a plain character, text after a closing quote as part of the
 * field. Cells are not trimmed; an empty field is null and trailing empty fields are dropped.
 */
export class CsvParser {
  private state = FIELD_START;
  private readonly cells: Cell[] = [];
  /** The current field's text from earlier pieces (or, inside quotes, decoded so far). */
  private carried = '';
  private skipLineFeed = false;
  private rows = 0;
  private quoteRow = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxColumns: number,
    private readonly sink: CsvSink,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Records completed so far. */
  get records(): number {
    return this.rows;
  }

  /** Parses the next piece of text. */
  push(text: string): void {
    const n = text.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.skipLineFeed && n > 0) {
      this.skipLineFeed = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    let start = i;
    while (i < n) {
      switch (this.state) {
        case FIELD_START:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = QUOTED;
            this.quoteRow = this.rows + 1;
            i++;
          } else this.state = UNQUOTED;
          start = i;
          break;
        case UNQUOTED: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === delimiter || c === CR || c === LF) break;
            j++;
          }
          if (j === n) {
            this.carried += text.slice(start, n);
            i = n;
            break;
          }
          this.endField(this.carried + text.slice(start, j));
          if (c === delimiter) {
            this.state = FIELD_START;
            i = j + 1;
          } else {
            this.endRecord();
            i = j + 1;
            if (c === CR) {
              if (i === n) this.skipLineFeed = true;
              else if (text.charCodeAt(i) === LF) i++;
            }
          }
          start = i;
          break;
        }
        case QUOTED: {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            this.carried += text.slice(start, n);
            i = n;
            break;
          }
          this.carried += text.slice(start, quote);
          this.state = QUOTED_QUOTE;
          i = quote + 1;
          start = i;
          break;
        }
        case QUOTED_QUOTE:
          if (text.charCodeAt(i) === QUOTE) {
            this.carried += '"';
            this.state = QUOTED;
            i++;
          } else this.state = UNQUOTED;
          start = i;
          break;
      }
    }
  }

  /** Finishes the last record, which may lack a line end. */
  end(): void {
    if (this.state === QUOTED) this.sink.unclosedQuote(this.quoteRow);
    if (this.state !== FIELD_START || this.cells.length > 0) {
      this.endField(this.carried);
      this.endRecord();
    }
  }

  private endField(text: string): void {
    this.carried = '';
    // Empty fields past the limit are dropped, not stored: a line of commas is no reason to refuse,
    // nor to hold millions of nulls.
    if (this.cells.length < this.maxColumns) this.cells.push(text === '' ? null : text);
    else if (text !== '') this.sink.tooWide(this.rows + 1);
  }

  private endRecord(): void {
    const cells = this.cells;
    const fields = cells.length;
    let width = fields;
    while (width > 0 && cells[width - 1] === null) width--;
    // An exact-size copy: the scratch array has grown by push and carries spare capacity, which
    // over a million rows is a hundred megabytes.
    const record = cells.slice(0, width);
    cells.length = 0;
    this.state = FIELD_START;
    this.rows++;
    this.sink.record(record, fields);
  }
}
