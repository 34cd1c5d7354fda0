import { extname, resolve } from 'node:path';
import { exportEvidencePack } from '../core/reports/evidence/exportEvidencePack';
import { CliError, ExitCode } from './exitCodes';
import { writeOut } from './writeOut';

/**
 * `carrier-ops evidence <id> --out pack.zip`: a finished bulk change's evidence pack, to hand to
 * an auditor. Exit 4 when the audit log did not verify (the pack is written all the same: it
 * records what was found).
 */
export async function runEvidence(
  dataDir: string,
  id: number,
  options: { out: string | undefined; timeZone: string | undefined },
) {
  if (options.out === undefined || extname(options.out).toLowerCase() !== '.zip')
    throw new CliError(
      ExitCode.badInput,
      'evidence needs --out <file.zip>: where to write the pack.',
    );
  const path = resolve(options.out);
  const pack = await writeOut(dataDir, 'Writing the evidence pack', (db, onProgress) =>
    exportEvidencePack(db, { bulkChangeId: id, timeZone: options.timeZone, path, onProgress }),
  );
  console.log(`Wrote the evidence pack of bulk change ${id} to ${pack.path}`);
  console.log(
    pack.sourceIncluded
      ? 'It holds the imported file.'
      : 'The imported file was not kept (a selection, a draft, or imported before this version); the pack records its name and hash only.',
  );
  const check = pack.verification;
  if (!check.ok) {
    console.log(`Audit log broken at entry ${check.firstBrokenId}: ${check.reason}`);
    return ExitCode.failed;
  }
  console.log(
    `Audit log intact: ${check.count.toLocaleString('en-US')} entries, head ${check.headId}:${check.headHash}`,
  );
  console.log('To check it, follow README.txt inside the pack.');
  return ExitCode.processed;
}
