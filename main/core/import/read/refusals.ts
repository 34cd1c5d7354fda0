import { CoreError } from '../../errors';

const MB = 1024 * 1024;
/** File names in quotes, as elsewhere in import: customers' names have spaces and dots. */
const q = (name: string) => `“${name}”`;
const mb = (bytes: number) =>
  `${bytes >= 10 * MB ? Math.round(bytes / MB) : (bytes / MB).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => {
  const whole = Math.max(1, Math.round(ms / 1000));
  return `${count(whole)} ${whole === 1 ? 'second' : 'seconds'}`;
};
const inSheet = (name: string, sheet: string | null) =>
  sheet === null ? q(name) : `sheet "${sheet}" in ${q(name)}`;

/** A parser's own words, cut to one short line: useful to support, never the whole message. */
export const detailOf = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? '').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
};

const refuse = (message: string) => new CoreError('invalid_request', message);
const saveAgain = 'Open it in Excel and save it again, or save it as .csv.';

/** Every reason a file is not read, in words for the desk, each saying what to do next. */
export const refusal = {
  tooBig: (name: string, bytes: number, limit: number) =>
    refuse(
      `${q(name)} is ${mb(bytes)}; the limit is ${mb(limit)}. Split it into smaller files (or delete unused sheets and columns) and import each one.`,
    ),
  empty: (name: string) =>
    refuse(`${q(name)} is empty (0 bytes). Check that you picked the right file.`),
  notSpreadsheet: (name: string, what: string | null) =>
    refuse(
      what
        ? `${q(name)} is ${what}, not a spreadsheet. Ask for the list as .xlsx or .csv and import that.`
        : `${q(name)} is not a spreadsheet: it holds binary data, not text or an Excel workbook. Save the list as .xlsx or .csv and import that.`,
    ),
  notExcel: (name: string, what: string) =>
    refuse(
      `${q(name)} is ${what}, not an Excel workbook. Open it in the program that made it, save it as .xlsx or .csv, and import that.`,
    ),
  passwordProtected: (name: string) =>
    refuse(
      `${q(name)} is password-protected. Remove the password in Excel (File › Info › Protect Workbook), save, and import it again.`,
    ),
  damaged: (name: string, detail?: string) =>
    refuse(
      `${q(name)} could not be read as an Excel workbook: it may be damaged. ${saveAgain}${detail ? ` (${detail})` : ''}`,
    ),
  oddArchive: (name: string, detail: string) =>
    refuse(
      `${q(name)} is not packed the way Excel packs workbooks (${detail}), so it was not opened. ${saveAgain}`,
    ),
  unpacksTooBig: (name: string, limit: number) =>
    refuse(
      `${q(name)} unpacks to more than ${mb(limit)}, which real spreadsheets don't; it was not opened. If it is genuine, save it as .csv and import that.`,
    ),
  compressesTooWell: (name: string, ratio: number, part: string) =>
    refuse(
      `${q(name)} compresses more than ${ratio}:1 (in its part ${part}), which real spreadsheets don't; it was not opened. If it is genuine, save it as .csv and import that.`,
    ),
  tooManyRows: (name: string, sheet: string | null, limit: number) =>
    refuse(
      `${sheet === null ? q(name) : `Sheet "${sheet}" in ${q(name)}`} has more than ${count(limit)} rows. Split it into files of at most ${count(limit)} rows and import each one.`,
    ),
  tooManyColumns: (name: string, sheet: string | null, row: number, limit: number) =>
    refuse(
      `Row ${count(row)} of ${inSheet(name, sheet)} has more than ${count(limit)} columns. Delete the columns you don't need and import it again.`,
    ),
  unclosedQuote: (name: string, row: number) =>
    refuse(
      `${q(name)} has a quote (") in row ${count(row)} that is never closed, so everything after it would land in one cell. Fix the quotes in that row, or open the file in Excel and save it again, then import it.`,
    ),
  tooSlow: (name: string, timeoutMs: number) =>
    refuse(
      `${q(name)} took too long to read (over ${seconds(timeoutMs)}) and was stopped. If it is a genuine workbook, save it as .csv and import that.`,
    ),
  tooMuchMemory: (name: string) =>
    refuse(
      `${q(name)} took too much memory to read and was stopped. Save it as .csv (File › Save As › CSV UTF-8) and import that, or split it into smaller files.`,
    ),
  cancelled: (name: string) => new CoreError('cancelled', `Reading ${q(name)} was cancelled.`),
};
