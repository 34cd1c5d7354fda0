import { basename } from 'node:path';
import { csvRows } from './csv';
import type { DeviceList } from './deviceList';
import { readTextFile } from './deviceList';
import { CliError, ExitCode } from './exitCodes';

export interface Swap {
  iccid: string;
  newIccid?: string;
  newImei?: string;
}

const COLUMNS = ['iccid', 'newiccid', 'newimei'] as const;

/**
 * `--swaps`: a CSV with the header `iccid,newIccid,newImei` (either new column may be left
 * out or blank). The swaps become the change's parameters; the iccid column its devices.
 */
export function swapsFromFile(path: string): { swaps: Swap[]; devices: DeviceList } {
  const name = basename(path);
  const [header, ...rows] = csvRows(readTextFile(path, '--swaps'));
  const columns = (header?.cells ?? []).map((c) => c.toLowerCase().replace(/[\s_-]/g, ''));
  const at = Object.fromEntries(COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  if (at.iccid < 0 || (at.newiccid < 0 && at.newimei < 0))
    throw new CliError(
      ExitCode.badInput,
      `${name} needs a header line naming its columns: iccid, and newIccid and/or newImei (e.g. "iccid,newIccid,newImei").`,
    );
  const cell = (cells: string[], index: number) =>
    index >= 0 && cells[index] ? cells[index] : undefined;
  const listed = rows.filter((r) => cell(r.cells, at.iccid) !== undefined);
  if (listed.length === 0) throw new CliError(ExitCode.badInput, `${name} lists no swaps.`);
  const swaps = listed.map(({ cells }) => {
    const swap: Swap = { iccid: cell(cells, at.iccid)! };
    const newIccid = cell(cells, at.newiccid);
    const newImei = cell(cells, at.newimei);
    if (newIccid !== undefined) swap.newIccid = newIccid;
    if (newImei !== undefined) swap.newImei = newImei;
    return swap;
  });
  return {
    swaps,
    devices: {
      values: swaps.map((s) => s.iccid),
      origin: (row) => `line ${listed[row - 1]?.line ?? '?'} of ${name}`,
    },
  };
}
