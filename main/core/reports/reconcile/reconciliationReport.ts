import { accountLabel, carrierLabels, type Carrier } from '../../../../shared/domain/carriers';
import { changeTypeLabels } from '../../../../shared/domain/changes';
import { bulkDetail } from '../../bulkView/detail';
import { changeHandlers } from '../../changes';
import type { Db } from '../../store/open';
import { cached } from '../../store/statements';
import type { ReportSource } from '../reportSource';
import type { Column } from '../sheetReport';
import { duration, type ZonedTime } from '../zonedTime';
import { askedSoFar, runSummary, startedBy } from './runs';

interface StoredRow {
  id: number;
  order: number;
  iccid: string;
  imei: string | null;
  carrier: Carrier | null;
  account: string | null;
  outcome: string;
  status: string | null;
  ratePlan: string | null;
  carrierStatus: string | null;
  carrierWord: string | null;
  carrierPlan: string | null;
  verdict: 'match' | 'differs' | 'not_checked';
  differences: string | null;
  askedAt: string | null;
  lookupError: string | null;
}

const verdictWords = { match: 'Matches', differs: 'Differs', not_checked: 'Not checked' };

type Cell = (row: StoredRow, time: ZonedTime) => string;

const columns: (Column & { cell: Cell })[] = [
  { label: 'ICCID', width: 22, cell: (r) => r.iccid },
  { label: 'IMEI', width: 17, cell: (r) => r.imei ?? '' },
  { label: 'Carrier', width: 22, cell: (r) => (r.carrier ? carrierLabels[r.carrier] : '') },
  { label: 'Account', width: 22, cell: (r) => r.account ?? '' },
  { label: 'Outcome (ours)', width: 16, cell: (r) => r.outcome },
  { label: 'Status ours', width: 12, cell: (r) => r.status ?? '' },
  {
    label: 'Status at carrier',
    width: 24,
    cell: (r) => (r.carrierStatus === null ? '' : `${r.carrierStatus} (${r.carrierWord ?? ''})`),
  },
  { label: 'Carrier plan ours', width: 18, cell: (r) => r.ratePlan ?? '' },
  {
    label: 'Carrier plan at carrier',
    width: 18,
    // Only an answered device has a plan at the carrier to show, even when that is none.
    cell: (r) => (r.carrierStatus === null ? '' : (r.carrierPlan ?? 'none')),
  },
  { label: 'Verdict', width: 12, cell: (r) => verdictWords[r.verdict] },
  { label: 'Differences', width: 70, cell: (r) => r.differences ?? '' },
  { label: 'Asked at', width: 30, cell: (r, t) => t.format(r.askedAt) },
  { label: 'Lookup error', width: 60, cell: (r) => r.lookupError ?? '' },
];

/**
 * What a landscape page shows: the verdict and why, and the statuses it most often turns on.
 * Differences and lookup errors never share a row, so each gets a wide share of what is left.
 */
const PDF_COLUMNS = new Map<string, number | { share: number }>([
  ['ICCID', 100],
  ['Status ours', 56],
  ['Status at carrier', 120],
  ['Verdict', 52],
  ['Differences', { share: 3 }],
  ['Lookup error', { share: 2 }],
]);

const SELECT = `SELECT r.id, r.verdict_order AS "order", r.ours_iccid AS iccid, r.ours_imei AS imei,
  a.carrier, a.name AS account, r.outcome, r.ours_status AS status, r.ours_rate_plan AS ratePlan,
  r.carrier_status AS carrierStatus, r.carrier_status_word AS carrierWord,
  r.carrier_rate_plan AS carrierPlan, r.verdict, r.differences, r.asked_at AS askedAt,
  r.lookup_error AS lookupError
  FROM reconciliation_rows r LEFT JOIN carrier_accounts a ON a.id = r.account_id
  WHERE r.reconciliation_id = @run`;
const ORDER = 'ORDER BY r.verdict_order, r.ours_iccid, r.id';
// A run still asking rewrites verdicts and ICCIDs as answers come in; its rows are walked by id,
// which never changes, so none is skipped or read twice.
const LIVE_ORDER = 'ORDER BY r.id';
const PAGE = 500;

/** "12 devices: 10 matching, 1 differing, 1 not checked" per carrier account asked. */
function perAccount(db: Db, reconciliationId: number) {
  const lines = cached(
    db,
    `SELECT a.carrier, coalesce(a.name, 'No account') AS name, count(*) AS devices,
       sum(r.verdict = 'match') AS matching, sum(r.verdict = 'differs') AS differing,
       sum(r.verdict = 'not_checked') AS notChecked
     FROM reconciliation_rows r LEFT JOIN carrier_accounts a ON a.id = r.account_id
     WHERE r.reconciliation_id = ? GROUP BY r.account_id ORDER BY a.name`,
  ).all(reconciliationId) as {
    carrier: Carrier | null;
    name: string;
    devices: number;
    matching: number;
    differing: number;
    notChecked: number;
  }[];
  return lines.map((l) => ({
    label: l.carrier ? accountLabel(l.carrier, l.name) : l.name,
    value: `${l.devices} devices: ${l.matching} matching, ${l.differing} differing, ${l.notChecked} not checked`,
  }));
}

/** One reconciliation run as a report: each device, our records against the carrier's. */
export function reconciliationReport(
  db: Db,
  reconciliationId: number,
  time: ZonedTime,
): ReportSource {
  const run = runSummary(db, reconciliationId);
  const bulk = bulkDetail(db, run.bulkChangeId);
  const local = changeHandlers[bulk.changeType].target === 'local';
  const count = (n: number) => n.toLocaleString('en-US');
  const cells = (row: StoredRow) => columns.map((c) => c.cell(row, time));
  const running = run.state === 'running';
  const states = {
    running: `Running: ${count(askedSoFar(db, reconciliationId))} of ${count(run.devices)} asked so far; the rest are listed as not checked until asked`,
    complete: 'Complete: every device was asked',
    cancelled: 'Cancelled: stopped part way; the devices not asked are listed as not checked',
  };
  return {
    title: `Reconciliation of bulk change #${bulk.id} — ${bulk.title}`,
    sheetName: 'Devices',
    fileStem: `bulk-change-${bulk.id}-reconciliation-${reconciliationId}`,
    summary: [
      { label: 'Bulk change', value: `#${bulk.id}: ${bulk.title}` },
      { label: 'Change type', value: changeTypeLabels[bulk.changeType] },
      { label: 'Parameters', value: bulk.description },
      { label: 'Bulk change status', value: bulk.status },
      { label: 'Reconciliation', value: `#${reconciliationId}` },
      { label: 'Run by', value: startedBy(db, reconciliationId) },
      { label: 'Run started', value: time.format(run.startedAt) },
      { label: 'Run finished', value: time.format(run.finishedAt) },
      { label: 'Run took', value: duration(run.startedAt, run.finishedAt) },
      {
        label: 'State',
        value: states[run.state],
      },
      { label: 'Devices', value: count(run.devices) },
      { label: 'Matching', value: count(run.matching) },
      { label: 'Differing', value: count(run.differences) },
      { label: 'Not checked', value: count(run.notChecked) },
      {
        label: 'Compared',
        value: local
          ? `Status, carrier rate plan and identifiers. ${changeTypeLabels[bulk.changeType]} is kept only in our records, so the carrier has no part of the change itself to confirm.`
          : 'Status, carrier rate plan and identifiers, and each device’s outcome against what the carrier shows',
      },
      ...perAccount(db, reconciliationId),
      { label: 'Time zone', value: time.timeZone },
    ],
    columns: columns.map(({ label, width }) => ({ label, width })),
    pdfColumns: PDF_COLUMNS,
    total: run.devices,
    page: (offset, limit) =>
      (
        cached(db, `${SELECT} ${running ? LIVE_ORDER : ORDER} LIMIT @limit OFFSET @offset`).all({
          run: reconciliationId,
          offset,
          limit,
        }) as StoredRow[]
      ).map(cells),
    /** Every row a page at a time after the last one read, walked from an index. */
    async *pages() {
      const next = running
        ? cached(db, `${SELECT} AND r.id > @id ${LIVE_ORDER} LIMIT ${PAGE}`)
        : cached(
            db,
            `${SELECT} AND (r.verdict_order, r.ours_iccid, r.id) > (@order, @iccid, @id) ${ORDER} LIMIT ${PAGE}`,
          );
      for (let last: StoredRow | undefined; ;) {
        const key = running
          ? { id: last?.id ?? 0 }
          : { order: last?.order ?? -1, iccid: last?.iccid ?? '', id: last?.id ?? 0 };
        const rows = next.all({ run: reconciliationId, ...key }) as StoredRow[];
        if (rows.length === 0) return;
        last = rows[rows.length - 1];
        yield rows.map(cells);
      }
    },
  };
}
