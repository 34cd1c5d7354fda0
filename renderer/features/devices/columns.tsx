import type { ReactNode } from 'react';
import type { DeviceSortKey } from '../../../shared/contract/devices';
import { carrierLabels } from '../../../shared/domain/carriers';
import type { DeviceRow } from '../../../shared/domain/devices';
import { StatusLabel } from './StatusLabel';

export interface Column {
  header: string;
  /** Narrowest the column gets, in pixels; `grow` columns share what is left over. */
  min: number;
  grow?: number;
  /** Identifiers are read digit by digit, so they are set in a monospace font. */
  mono?: boolean;
  /** The orders core keeps fast over a million devices; other columns don't sort. */
  sort?: DeviceSortKey;
  text: (row: DeviceRow) => string | null;
  render?: (row: DeviceRow) => ReactNode;
}

const updated = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const columns: readonly Column[] = [
  // Wide enough for the row's checkbox beside the ICCID.
  { header: 'ICCID', min: 200, mono: true, sort: 'iccid', text: (row) => row.iccid },
  { header: 'IMEI', min: 136, mono: true, text: (row) => row.imei },
  { header: 'MSISDN', min: 108, mono: true, text: (row) => row.msisdn },
  { header: 'Carrier', min: 150, grow: 1, text: (row) => carrierLabels[row.carrier] },
  {
    header: 'Status',
    min: 112,
    sort: 'status',
    text: (row) => row.status,
    render: (row) => <StatusLabel status={row.status} />,
  },
  { header: 'Carrier status', min: 118, text: (row) => row.carrierStatus },
  { header: 'Carrier rate plan', min: 136, grow: 1, text: (row) => row.carrierRatePlan },
  { header: 'Customer', min: 140, grow: 1.2, text: (row) => row.customer },
  { header: 'Site', min: 110, grow: 1, text: (row) => row.site },
  { header: 'Customer rate plan', min: 136, grow: 1, text: (row) => row.customerRatePlan },
  {
    header: 'Updated',
    min: 150,
    sort: 'updated',
    text: (row) => updated.format(new Date(row.updatedAt)),
  },
];

/** One grid track per column, shared by the header and every row so they line up. */
export const columnTracks = columns
  .map(({ min, grow }) => (grow ? `minmax(${min}px, ${grow}fr)` : `${min}px`))
  .join(' ');

/** Below this the grid scrolls sideways rather than squeezing identifiers. */
export const gridMinWidth = columns.reduce((sum, { min }) => sum + min, 0);
