import type { z } from 'zod';
import type { ComplianceReportSpec } from '../../../shared/contract/reports';
import { carrierLabels } from '../../../shared/domain/carriers';
import { changeTypeLabels } from '../../../shared/domain/changes';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { changeRows } from './changeRows';
import type { ReportSource } from './reportSource';
import type { ZonedTime } from './zonedTime';

type Spec = Omit<z.infer<typeof ComplianceReportSpec>, 'kind'>;

/** The day after a YYYY-MM-DD day, so a range's last day is included whole. */
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Who changed what, when, with what result: every device change of the bulk changes created
 * between two days (both included, on the report's zone), narrowed by the filters given.
 */
export function complianceReport(db: Db, spec: Spec, time: ZonedTime): ReportSource {
  if (spec.to < spec.from)
    throw new CoreError(
      'invalid_request',
      `The report runs from ${spec.from} to ${spec.to}: the end is before the start; swap the two days.`,
    );
  const filters: string[] = ['AND b.created_at >= @start AND b.created_at < @end'];
  const shown: { label: string; value: string }[] = [];
  if (spec.tenantId !== undefined) {
    filters.push('AND b.tenant_id = @tenantId');
    const name = cached(db, 'SELECT name FROM tenants WHERE id = ?').pluck().get(spec.tenantId);
    shown.push({ label: 'Tenant', value: typeof name === 'string' ? name : `#${spec.tenantId}` });
  }
  if (spec.carrier !== undefined) {
    filters.push('AND a.carrier = @carrier');
    shown.push({ label: 'Carrier', value: carrierLabels[spec.carrier] });
  }
  if (spec.changeType !== undefined) {
    filters.push('AND b.change_type = @changeType');
    shown.push({ label: 'Change type', value: changeTypeLabels[spec.changeType] });
  }
  if (spec.user !== undefined) {
    filters.push('AND b.created_by = @user');
    shown.push({ label: 'Submitted by', value: spec.user });
  }
  if (spec.outcome !== undefined) {
    filters.push('AND dc.status = @outcome');
    shown.push({ label: 'Outcome', value: spec.outcome });
  }
  const rows = changeRows(
    db,
    {
      where: filters.join(' '),
      params: {
        start: time.dayStart(spec.from),
        end: time.dayStart(nextDay(spec.to)),
        tenantId: spec.tenantId,
        carrier: spec.carrier,
        changeType: spec.changeType,
        user: spec.user,
        outcome: spec.outcome,
      },
      columns: [
        'when',
        'user',
        'tenant',
        'bulkId',
        'title',
        'changeType',
        'carrier',
        'iccid',
        'imei',
        'change',
        'outcome',
        'reason',
        'requestId',
      ],
    },
    time,
  );
  const total = rows.total();
  return {
    title: `Compliance report ${spec.from} to ${spec.to}`,
    sheetName: 'Changes',
    fileStem: `compliance-${spec.from}-to-${spec.to}`,
    summary: [
      { label: 'Bulk changes created', value: `${spec.from} to ${spec.to}, both days included` },
      ...(shown.length > 0 ? shown : [{ label: 'Filters', value: 'None' }]),
      { label: 'Device changes', value: total.toLocaleString('en-US') },
      { label: 'Time zone', value: time.timeZone },
    ],
    columns: rows.columns,
    total,
    page: rows.page,
    pages: rows.pages,
  };
}
