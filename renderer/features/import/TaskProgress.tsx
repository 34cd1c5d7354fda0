import type { Progress } from '../../../shared/contract/workspace';
import { formatCount } from '../../ui/format';
import './TaskProgress.css';

interface Props {
  /** What is running, until core's first report names it. */
  label: string;
  progress: Progress | undefined;
  onCancel: () => void;
}

/** Long work in core (reading or checking a large file) with its progress and a way to stop it. */
export function TaskProgress({ label, progress, onCancel }: Props) {
  return (
    <div className="task-progress" role="status">
      <span className="task-progress__label">{progress?.label ?? label}</span>
      {progress ? (
        <>
          <progress
            className="task-progress__bar"
            max={progress.total}
            value={progress.done}
            aria-hidden
          />
          <span className="task-progress__count mono">
            {formatCount(progress.done)} / {formatCount(progress.total)}
          </span>
        </>
      ) : (
        <progress className="task-progress__bar" aria-hidden />
      )}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
