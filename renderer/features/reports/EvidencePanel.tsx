import { isFinalBulkStatus } from '../../../shared/domain/changes';
import { useShallow } from 'zustand/react/shallow';
import type { BulkStatus } from '../../../shared/domain/changes';
import { formatCount } from '../../ui/format';
import { useFormsStore } from './formsStore';
import { JobProgress } from './JobProgress';
import { useJobsStore } from './jobsStore';
import { SavedFile } from './SavedFile';
import { VerificationText } from './VerificationText';

interface Props {
  bulkChangeId: number;
  /** The bulk change's state as listed; null when it is not in the list. */
  status: BulkStatus | null;
}

/** The auditor's zip for one finished bulk change, with the audit check it carries. */
export function EvidencePanel({ bulkChangeId, status }: Props) {
  const { busy, evidence, evidencePack } = useJobsStore(
    useShallow((state) => ({
      busy: state.running !== null,
      evidence: state.evidence?.bulkChangeId === bulkChangeId ? state.evidence.file : null,
      evidencePack: state.evidencePack,
    })),
  );
  const timeZone = useFormsStore((state) => state.timeZone);
  const unfinished = status !== null && !isFinalBulkStatus(status);
  return (
    <div className="reports__evidence">
      <div className="reports__row">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-describedby="evidence-hint"
          onClick={() => void evidencePack(bulkChangeId, timeZone)}
        >
          Evidence pack
        </button>
        <span id="evidence-hint" className="field__hint">
          {unfinished
            ? 'Still running when last read: a pack is written once it has finished, so it holds every entry.'
            : 'A zip for the auditor: the reports, the audit entries with their check, and the source file.'}
        </span>
      </div>
      <JobProgress kind="evidencePack" unit="rows" />
      {evidence && (
        <SavedFile file={evidence}>
          {formatCount(evidence.rows)} {evidence.rows === 1 ? 'device' : 'devices'}. Audit log
          check: <VerificationText verification={evidence.verification} />.{' '}
          {evidence.sourceIncluded
            ? 'The imported file is included.'
            : 'No imported file in it: the devices were chosen in the console, or the file was imported before files were kept (verification.json names it where known).'}
        </SavedFile>
      )}
    </div>
  );
}
