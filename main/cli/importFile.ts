import { resolve } from 'node:path';
import type { ImportCheck, ImportSheet } from '../../shared/contract/imports';
import { importFieldLabels } from '../../shared/contract/imports';
import type { Progress } from '../../shared/contract/workspace';
import { carrierLabels } from '../../shared/domain/carriers';
import { changeParams, changeTypeOf } from './changeParams';
import { openCoreSession, type CoreSession } from './coreSession';
import { CliError, ExitCode } from './exitCodes';
import { followBulkChange } from './followBulkChange';
import { listenForInterrupt } from './interrupt';
import { progressBar } from './progressBar';
import { outputMode } from './progressView';

export interface ImportOptions {
  type: string | undefined;
  set: string[];
  params: string | undefined;
  title: string | undefined;
  dryRun: boolean;
  skipErrors: boolean;
  draft: string | undefined;
}

const LISTED = 50;

/**
 * `carrier-ops import <file>`: reads a customer's xlsx/xls/csv as the Import screen does (header
 * found, columns guessed or remembered), checks every row, and then submits and runs the
 * change, saves it as a draft, or (dry run) only reports. Ctrl-C cancels the read or the check.
 */
export async function runImport(
  dataDir: string,
  appVersion: string,
  file: string | undefined,
  options: ImportOptions,
): Promise<ExitCode> {
  if (!file)
    throw new CliError(
      ExitCode.badInput,
      'Say which file: `carrier-ops import <file.xlsx|.xls|.csv> --type …`.',
    );
  const changeType = changeTypeOf(options.type);
  const params = changeParams(changeType, options.set, options.params);
  const submitting = !options.dryRun && options.draft === undefined;
  const interrupt = listenForInterrupt();
  const session = openCoreSession(dataDir, appVersion, submitting);
  const bar = progressBar();
  const off = session.on('workspace:progress', (p: Progress) => {
    if (p.task.startsWith('import:')) bar.update(p);
  });
  let importId = 'open';
  void interrupt.pressed.then(() =>
    session.call('import:cancel', { importId }).catch(() => undefined),
  );
  try {
    const sheet = await session.call('import:open', {
      source: { kind: 'path', path: resolve(file) },
    });
    importId = sheet.importId;
    bar.done();
    console.error(describeSheet(sheet));
    const check = await session.call('import:check', {
      importId,
      mapping: sheet.mapping,
      setup: { changeType, params, tenantId: null },
    });
    bar.done();
    console.error(describeCheck(check));
    await listProblems(session, importId, options.dryRun ? Number.MAX_SAFE_INTEGER : LISTED);
    if (options.dryRun) {
      console.error('Dry run: nothing was written.');
      return check.errors > 0 ? ExitCode.badInput : ExitCode.processed;
    }
    if (options.draft !== undefined) {
      const draft = await session.call('import:saveDraft', { importId, title: options.draft });
      console.log(
        `Saved draft ${draft.id} "${draft.title}" with ${draft.rows.toLocaleString('en-US')} rows; open it on the Import page to submit.`,
      );
      return ExitCode.processed;
    }
    const submitted = await session.call('import:submit', {
      importId,
      skipErrors: options.skipErrors,
      ...(options.title !== undefined ? { title: options.title } : {}),
    });
    console.error(
      `Queued bulk change ${submitted.bulkChangeIds.join(', ')} (${submitted.devices.toLocaleString('en-US')} devices${submitted.skipped > 0 ? `; ${submitted.skipped.toLocaleString('en-US')} rows with errors left out` : ''}).`,
    );
    let code: ExitCode = ExitCode.processed;
    for (const id of submitted.bulkChangeIds) {
      const ended = await followBulkChange(session, id, outputMode(), interrupt);
      if (ended !== ExitCode.processed) code = ended;
      if (interrupt.requested) break;
    }
    return code;
  } finally {
    bar.done();
    off();
    interrupt.dispose();
    await session.close();
  }
}

function describeSheet(sheet: ImportSheet): string {
  const columns = sheet.mapping
    .map((m) => `${importFieldLabels[m.field]} ← "${sheet.columns[m.column]?.header ?? '?'}"`)
    .join(', ');
  return [
    `Read ${sheet.fileName}${sheet.sheets.length > 1 ? `, sheet "${sheet.sheet}"` : ''}: ${sheet.dataRows.toLocaleString('en-US')} rows, header on row ${sheet.headerRow}.`,
    `Columns${sheet.mappingSource === 'remembered' ? ' (remembered from an earlier file)' : ''}: ${columns || 'none recognised'}.`,
    ...sheet.notes,
  ].join('\n');
}

function describeCheck(check: ImportCheck): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const minutes = Math.max(1, Math.round(check.estimatedSeconds / 60));
  return [
    `${n(check.ok)} ready, ${n(check.warnings)} with warnings, ${n(check.errors)} with errors (of ${n(check.total)}).`,
    ...check.byCarrier.map(
      (c) =>
        `  ${c.carrier ? carrierLabels[c.carrier] : 'Not found'}: ${n(c.rows)} rows, ${n(c.errors)} with errors`,
    ),
    ...check.groups.map((g) => `  → ${g.label}: ${n(g.devices)} devices`),
    check.lanes.length > 0
      ? `Estimated time at the carriers' rate limits: about ${minutes} min.`
      : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

async function listProblems(session: CoreSession, importId: string, limit: number): Promise<void> {
  let offset = 0;
  for (;;) {
    const page = await session.call('import:rows', {
      importId,
      show: 'problems',
      offset,
      limit: Math.min(500, limit - offset),
    });
    for (const row of page.rows)
      for (const p of row.problems)
        console.error(
          `  row ${row.row}${p.column ? `, ${p.column}` : ''}${p.value ? ` (${p.value})` : ''}: ${p.severity === 'error' ? '' : 'warning: '}${p.message}`,
        );
    offset += page.rows.length;
    if (offset >= page.total || offset >= limit || page.rows.length === 0) {
      if (page.total > offset)
        console.error(
          `  …and ${(page.total - offset).toLocaleString('en-US')} more (--dry-run lists them all).`,
        );
      return;
    }
  }
}
