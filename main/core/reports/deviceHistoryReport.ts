import { cleanInput } from '../../../shared/identifiers/normalize';
import { carrierLabels, type Carrier } from '../../../shared/domain/carriers';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { changeRows } from './changeRows';
import type { ReportSource } from './reportSource';
import type { ZonedTime } from './zonedTime';

interface Device {
  id: number;
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  carrier: Carrier;
}

// Device changes keep the ICCID and IMEI the device had when they were made, so one made
// before a swap still finds the device by its former identifiers.
const DEVICES = `
  SELECT d.id, d.iccid, d.imei, d.msisdn, a.carrier FROM devices d
  JOIN carrier_accounts a ON a.id = d.carrier_account_id
  WHERE d.id IN (
    SELECT id FROM devices WHERE iccid = @x OR imei = @x OR msisdn = @x
    UNION SELECT device_id FROM device_changes WHERE (iccid = @x OR imei = @x) AND device_id IS NOT NULL)
  ORDER BY d.id`;

const FORMER = `
  SELECT DISTINCT value FROM (
    SELECT iccid AS value FROM device_changes WHERE device_id = @id
    UNION ALL SELECT imei FROM device_changes WHERE device_id = @id)
  WHERE value IS NOT NULL AND value NOT IN (@iccid, coalesce(@imei, ''))`;

/** Every change ever made to the device an ICCID, IMEI or MSISDN names, now or before a swap. */
export function deviceHistoryReport(db: Db, identifier: string, time: ZonedTime): ReportSource {
  // Cleaned as a pasted id is: spaces, any dash, a leading + (MSISDN); damage said in words.
  const cleaned = cleanInput(identifier, 'ICCID, IMEI or MSISDN', true);
  if (!cleaned.ok) throw new CoreError('invalid_request', cleaned.message);
  const x = cleaned.digits;
  const devices = cached(db, DEVICES).all({ x }) as Device[];
  const device = devices[0];
  if (!device)
    throw new CoreError(
      'not_found',
      `No device has or had the ICCID, IMEI or MSISDN ${identifier}; check the digits, or search the inventory by its first digits.`,
    );
  if (devices.length > 1)
    throw new CoreError(
      'conflict',
      `${identifier} names ${devices.length} devices (ICCIDs ${devices.map((d) => d.iccid).join(', ')}); ask for the report by one of those ICCIDs.`,
    );
  const former = cached(db, FORMER).pluck().all(device) as string[];
  const rows = changeRows(
    db,
    {
      where: 'AND dc.device_id = @device',
      params: { device: device.id },
      columns: [
        'when',
        'bulkId',
        'title',
        'changeType',
        'user',
        'iccid',
        'imei',
        'carrier',
        'change',
        'outcome',
        'reason',
        'requestId',
        'attempts',
      ],
    },
    time,
  );
  const total = rows.total();
  return {
    title: `Device history of ICCID ${device.iccid}`,
    sheetName: 'Changes',
    fileStem: `device-${device.iccid}-history`,
    summary: [
      { label: 'Asked for', value: identifier },
      { label: 'ICCID now', value: device.iccid },
      { label: 'IMEI now', value: device.imei ?? '' },
      { label: 'MSISDN now', value: device.msisdn ?? '' },
      { label: 'Carrier', value: carrierLabels[device.carrier] },
      { label: 'Former ICCIDs and IMEIs', value: former.join(', ') || 'None' },
      { label: 'Changes', value: total.toLocaleString('en-US') },
      { label: 'Time zone', value: time.timeZone },
    ],
    columns: rows.columns,
    total,
    page: rows.page,
    pages: rows.pages,
  };
}
