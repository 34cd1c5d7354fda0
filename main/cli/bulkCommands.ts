import { openCoreSession, type CoreSession } from './coreSession';
import { CliError, ExitCode } from './exitCodes';
import { followBulkChange } from './followBulkChange';
import { listenForInterrupt } from './interrupt';
import { outputMode } from './progressView';
import { summaryTable, summaryText } from './summaryView';

const STATUS_LIMIT = 20;

/** Opens the workspace for one command and always closes it, however the command ends. */
async function withSession<T>(
  dataDir: string,
  appVersion: string,
  run: (session: CoreSession) => Promise<T>,
  runEngine = false,
): Promise<T> {
  const session = openCoreSession(dataDir, appVersion, runEngine);
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

/** The bulk change id a command was given, e.g. `carrier-ops pause 12`. */
export function bulkIdOf(command: string, raw: string | undefined): number {
  const id = Number(raw);
  if (raw === undefined || !Number.isSafeInteger(id) || id < 1)
    throw new CliError(
      ExitCode.badInput,
      raw === undefined
        ? `${command} needs the bulk change's id, e.g. \`carrier-ops ${command} 12\` (\`carrier-ops status\` lists them).`
        : `"${raw}" is not a bulk change id; ids are whole numbers (\`carrier-ops status\` lists them).`,
    );
  return id;
}

/** `carrier-ops status [id]`: the latest bulk changes, or one with its counts. */
export function runStatus(dataDir: string, appVersion: string, rawId: string | undefined) {
  const bulkChangeId = rawId === undefined ? undefined : bulkIdOf('status', rawId);
  return withSession(dataDir, appVersion, async (session) => {
    const mode = outputMode();
    if (bulkChangeId === undefined) {
      const list = await session.call('bulk:list', { limit: STATUS_LIMIT });
      if (list.length > 0 || mode === 'terminal') console.log(summaryTable(list, mode));
    } else console.log(summaryText(await session.call('bulk:get', { bulkChangeId }), mode));
    return ExitCode.processed;
  });
}

/** `carrier-ops pause|cancel <id>`: acts, then prints where the bulk change stands. */
export function runAction(
  dataDir: string,
  appVersion: string,
  action: 'pause' | 'cancel',
  rawId: string | undefined,
) {
  const bulkChangeId = bulkIdOf(action, rawId);
  return withSession(dataDir, appVersion, async (session) => {
    const summary = await session.call(action === 'pause' ? 'bulk:pause' : 'bulk:cancel', {
      bulkChangeId,
    });
    console.log(summaryText(summary, outputMode()));
    return ExitCode.processed;
  });
}

/** `carrier-ops resume|retry-failed <id>`: acts, then runs the bulk change here until it ends. */
export function runAndFollow(
  dataDir: string,
  appVersion: string,
  action: 'resume' | 'retry-failed',
  rawId: string | undefined,
) {
  const bulkChangeId = bulkIdOf(action, rawId);
  const interrupt = listenForInterrupt();
  return withSession(
    dataDir,
    appVersion,
    async (session) => {
      await session.call(action === 'resume' ? 'bulk:resume' : 'bulk:retryFailed', {
        bulkChangeId,
      });
      return followBulkChange(session, bulkChangeId, outputMode(), interrupt);
    },
    true,
  ).finally(() => interrupt.dispose());
}

/** `--head 1234:<hash>`: a chain head written down earlier (from an evidence pack or a report). */
function anchorOf(raw: string | undefined): { lastId: number; hash: string } | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(raw.trim());
  if (!match)
    throw new CliError(
      ExitCode.badInput,
      `--head ${raw}: write the recorded head as <entry id>:<64-hex hash>, e.g. --head 1234:9f86d081…, as verification.json's chainHead gives them.`,
    );
  return { lastId: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/**
 * `carrier-ops verify-audit [--head id:hash]`: walks the audit log's hash chain, and with a
 * recorded head also proves the log was not rewritten up to it; exit 4 if it is broken.
 */
export function runVerifyAudit(dataDir: string, appVersion: string, head?: string) {
  const anchor = anchorOf(head);
  return withSession(dataDir, appVersion, async (session) => {
    const result = await session.call('audit:verify', { anchor });
    if (result.ok) {
      console.log(
        `Audit log intact: ${result.count.toLocaleString('en-US')} entries, head ${result.headId}:${result.headHash}` +
          // Entry 0 is the empty log's head, which every log extends: nothing is carried there.
          (anchor && anchor.lastId > 0
            ? `; entry ${anchor.lastId} still carries the recorded hash`
            : ''),
      );
      return ExitCode.processed;
    }
    console.log(`Audit log broken at entry ${result.firstBrokenId}: ${result.reason}`);
    return ExitCode.failed;
  });
}
