import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CliError, ExitCode } from './exitCodes';
import { csvRows } from './csv';

/** The devices to change, and where each came from so a refusal can point at its line. */
export interface DeviceList {
  values: string[];
  /** `line 12 of devices.csv` or `item 3 of --ids`, by 1-based position in `values`. */
  origin(row: number): string;
}

const SPREADSHEETS = new Set(['.xlsx', '.xls', '.xlsm', '.ods', '.numbers']);

/** `--ids a,b,c`: commas, spaces or both between values. */
export function devicesFromIds(raw: string): DeviceList {
  const values = raw.split(/[,\s]+/).filter((v) => v !== '');
  if (values.length === 0)
    throw new CliError(ExitCode.badInput, '--ids lists no devices; give ICCIDs, IMEIs or MSISDNs.');
  return { values, origin: (row) => `item ${row} of --ids` };
}

/**
 * `--file`: one device per line, the first column of a CSV. A first line without digits (a
 * header such as `iccid`) is skipped.
 */
export function devicesFromFile(path: string): DeviceList {
  const rows = csvRows(readTextFile(path, '--file'));
  if (rows[0] && !/\d/.test(rows[0].cells[0] ?? '')) rows.shift();
  const listed = rows.filter((r) => (r.cells[0] ?? '') !== '');
  if (listed.length === 0)
    throw new CliError(ExitCode.badInput, `${basename(path)} lists no devices.`);
  return {
    values: listed.map((r) => r.cells[0]!),
    origin: (row) => `line ${listed[row - 1]?.line ?? '?'} of ${basename(path)}`,
  };
}

/** Reads a text file, or says in desk words why it can't be read (exit 2). */
export function readTextFile(path: string, flag: string): string {
  if (SPREADSHEETS.has(extname(path).toLowerCase()))
    throw new CliError(
      ExitCode.badInput,
      `${flag} ${basename(path)} is a spreadsheet; --file reads text and CSV lists. Use "carrier-ops import <file>" for spreadsheets.`,
    );
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message;
    throw new CliError(ExitCode.badInput, `Can't read ${flag} ${path}: ${why}.`);
  }
}
