/** One row of a text or CSV file, with the line it came from (1-based) for messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Splits a CSV or plain-text file into rows of trimmed cells. The delimiter is the first of
 * comma, semicolon or tab on the first line (spreadsheets export all three); double quotes
 * group a cell as in RFC 4180. Blank lines are left out.
 */
export function csvRows(text: string): CsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const delimiter =
    DELIMITERS.map((d) => ({ d, at: first.indexOf(d) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0]?.d ?? ',';
  const rows: CsvRow[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    rows.push({ line: index + 1, cells: splitLine(text, delimiter) });
  });
  return rows;
}

function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
