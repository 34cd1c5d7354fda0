import { extname, resolve } from 'node:path';
import { ReportFormat, ReportSpec } from '../../shared/contract/reports';
import { exportReportTo } from '../core/reports/exportReport';
import { CliError, ExitCode } from './exitCodes';
import { writeOut } from './writeOut';

/** The options `report` reads; the kind and its id or identifier are operands. */
export interface ReportOptions {
  out: string | undefined;
  from: string | undefined;
  to: string | undefined;
  tenant: string | undefined;
  carrier: string | undefined;
  type: string | undefined;
  user: string | undefined;
  outcome: string | undefined;
  timeZone: string | undefined;
}

/** The flag or operand a field of the spec came from, to name it in a refusal. */
const SAID_BY: Record<string, string> = {
  bulkChangeId: 'The bulk change id',
  identifier: 'The device',
  from: '--from',
  to: '--to',
  tenantId: '--tenant',
  carrier: '--carrier',
  changeType: '--type',
  user: '--user',
  outcome: '--outcome',
  timeZone: '--time-zone',
};

const KINDS = 'bulk-change <id>, compliance or device <iccid|imei|msisdn>';

/** The report the operands and options ask for, as the contract reads it (not yet checked). */
function specFrom([kind, value]: string[], options: ReportOptions): unknown {
  const timeZone = options.timeZone;
  switch (kind) {
    case 'bulk-change':
      return { kind: 'bulkChange', bulkChangeId: Number(value), timeZone };
    case 'device':
      return { kind: 'deviceHistory', identifier: value ?? '', timeZone };
    case 'compliance':
      return {
        kind: 'compliance',
        from: options.from,
        to: options.to,
        tenantId: options.tenant === undefined ? undefined : Number(options.tenant),
        carrier: options.carrier,
        changeType: options.type,
        user: options.user,
        outcome: options.outcome,
        timeZone,
      };
    default:
      throw new CliError(
        ExitCode.badInput,
        `report takes ${KINDS}; "${kind ?? ''}" is none of those.`,
      );
  }
}

/** The report format an --out file names by its extension, checked before any carrier is asked. */
export function formatOf(out: string | undefined): ReportFormat | undefined {
  if (out === undefined) return undefined;
  const format = ReportFormat.safeParse(extname(out).slice(1).toLowerCase());
  if (!format.success)
    throw new CliError(
      ExitCode.badInput,
      `--out ${out}: the file name must end in .xlsx, .csv or .pdf, which says the format.`,
    );
  return format.data;
}

/** `carrier-ops report <kind> … --out <file>`: writes the report as xlsx, csv or pdf, by the file's extension. */
export async function runReport(dataDir: string, operands: string[], options: ReportOptions) {
  if (options.out === undefined)
    throw new CliError(
      ExitCode.badInput,
      'report needs --out <file.xlsx|file.csv|file.pdf>: where to write it.',
    );
  const out = resolve(options.out);
  const format = formatOf(options.out)!;
  const spec = ReportSpec.safeParse(specFrom(operands, options));
  if (!spec.success) {
    const issue = spec.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new CliError(ExitCode.badInput, `${SAID_BY[field] ?? field}: ${issue?.message ?? ''}`);
  }
  const file = await writeOut(dataDir, 'Writing the report', (db, onProgress) =>
    exportReportTo(db, spec.data, format, out, onProgress),
  );
  console.log(`Wrote ${file.rows.toLocaleString('en-US')} rows to ${file.path}`);
  return ExitCode.processed;
}
