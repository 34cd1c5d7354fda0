// Spreadsheets for the import benches: device lists as customers send them, ids written as text.
import XLSX from 'xlsx';

/** Device list columns; the first row of every file built here. */
export const deviceColumns = ['ICCID', 'IMEI', 'MSISDN', 'Status', 'Plan'] as const;
export type DeviceColumn = (typeof deviceColumns)[number];

const statuses = ['Active', 'Suspended', 'Active', 'Deactivated'];
const plans = ['IoT 1GB Pool', 'IoT 5GB', 'M2M 10MB', 'Fleet Unlimited'];
const digits = (n: number, width: number) => String(n).padStart(width, '0');

/** One device's row, the same for the same index in every run. */
export function deviceRow(i: number, columns: readonly DeviceColumn[] = deviceColumns): string[] {
  const values: Record<DeviceColumn, string> = {
    ICCID: `89012600${digits(i, 11)}`,
    IMEI: `3520990${digits(i * 7, 8)}`,
    MSISDN: `1555${digits(i, 7)}`,
    Status: statuses[i % statuses.length]!,
    Plan: plans[i % plans.length]!,
  };
  return columns.map((column) => values[column]);
}

/** An xlsx with a header and `rows` devices, ids as text cells (shared strings, as Excel writes). */
export function deviceXlsx(
  rows: number,
  columns: readonly DeviceColumn[] = deviceColumns,
): Uint8Array {
  const aoa = [[...columns], ...Array.from({ length: rows }, (_, i) => deviceRow(i, columns))];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'Devices');
  return new Uint8Array(
    XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }),
  );
}

/**
 * A UTF-8 CSV with a header and `rows` devices. Three columns by default: a million rows then come
 * to about 41 MB, under the 50 MB file limit.
 */
export function deviceCsv(
  rows: number,
  columns: readonly DeviceColumn[] = ['ICCID', 'MSISDN', 'Status'],
  delimiter = ',',
): Uint8Array {
  const lines = [columns.join(delimiter)];
  for (let i = 0; i < rows; i++) lines.push(deviceRow(i, columns).join(delimiter));
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}
