import { useShallow } from 'zustand/react/shallow';
import type { ReportSpec } from '../../../shared/contract/reports';
import { formatCount } from '../../ui/format';
import { JobProgress } from './JobProgress';
import { useJobsStore } from './jobsStore';
import { SavedFile } from './SavedFile';

const formats = ['xlsx', 'csv', 'pdf'] as const;

/** The whole report, not just the rows on screen, as a file: xlsx, csv or pdf. */
export function ExportBar({ spec }: { spec: ReportSpec }) {
  const { busy, saved, exportReport } = useJobsStore(
    useShallow((state) => ({
      busy: state.running !== null,
      // A file of another report, or of this one in another zone, is not this report's.
      saved: JSON.stringify(state.saved?.spec) === JSON.stringify(spec) ? state.saved!.file : null,
      exportReport: state.exportReport,
    })),
  );
  return (
    <div className="reports__export">
      <div className="reports__row" role="group" aria-label="Export the report">
        <span className="field__label">Export the whole report:</span>
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--small"
            disabled={busy}
            aria-label={`Export as ${format}`}
            onClick={() => void exportReport(spec, format)}
          >
            {format}
          </button>
        ))}
      </div>
      <JobProgress kind="export" unit="rows" />
      {saved && (
        <SavedFile file={saved}>
          {formatCount(saved.rows)} {saved.rows === 1 ? 'row' : 'rows'}
        </SavedFile>
      )}
    </div>
  );
}
