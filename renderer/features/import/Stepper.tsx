import { useShallow } from 'zustand/react/shallow';
import { goTo, useImportStore, type Step } from './importStore';
import './Stepper.css';

const labels: Record<Step, string> = {
  start: 'File',
  columns: 'Columns',
  change: 'Change',
  dryRun: 'Dry run',
};

/** Where the desk is in the import; any step already reached can be gone back to. */
export function Stepper() {
  const { step, kind, checked, busy } = useImportStore(
    useShallow((state) => ({
      step: state.step,
      kind: state.source?.kind ?? null,
      checked: state.check !== null,
      busy: state.busy,
    })),
  );
  if (kind === null) return null;
  const steps: Step[] =
    kind === 'file' ? ['start', 'columns', 'change', 'dryRun'] : ['change', 'dryRun'];
  const reachable = (target: Step) => target !== 'dryRun' || checked || busy === 'check';
  return (
    <nav aria-label="Import steps">
      <ol className="stepper">
        {steps.map((target, index) => (
          <li key={target}>
            <button
              type="button"
              className="stepper__step"
              aria-current={target === step ? 'step' : undefined}
              disabled={!reachable(target) || (busy !== null && target !== step)}
              onClick={() => goTo(target)}
            >
              <span className="stepper__number" aria-hidden>
                {index + 1}
              </span>
              {labels[target]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
