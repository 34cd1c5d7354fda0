import type { EvidencePackFile } from '../../../../shared/contract/reports';
import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import type { ExportProgress } from '../exportReport';

export interface EvidenceExport {
  bulkChangeId: number;
  timeZone?: string;
  /** Main's save dialog or the CLI's --out; otherwise the workspace's reports folder. */
  path?: string;
  onProgress?: ExportProgress;
}

/** Writes a finished bulk change's evidence pack. */
export function exportEvidencePack(_db: Db, _request: EvidenceExport): Promise<EvidencePackFile> {
  return Promise.reject(new CoreError('unavailable', 'Evidence packs are not wired yet.'));
}
