import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useNavigation } from '../../app/navigationStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ChangeStep } from './ChangeStep';
import { ColumnsStep } from './ColumnsStep';
import { DryRunStep } from './DryRunStep';
import { HandoffPrompt } from './HandoffPrompt';
import { abandon, beginSelection } from './importCalls';
import { useImportStore, type ImportState, type Source } from './importStore';
import { StartStep } from './StartStep';
import { Stepper } from './Stepper';
import { SubmittedPanel } from './SubmittedPanel';
import '../../ui/controls.css';
import './ImportPage.css';

interface StepProps {
  step: ImportState['step'];
  source: Source | null;
  gathering: boolean;
}

function CurrentStep({ step, source, gathering }: StepProps) {
  if (source === null && gathering)
    return (
      <p className="field__hint" role="status">
        Gathering the selected devices…
      </p>
    );
  if (source === null || step === 'start') return <StartStep />;
  if (step === 'columns' && source.kind === 'file') return <ColumnsStep sheet={source.sheet} />;
  if (step === 'dryRun') return <DryRunStep source={source} />;
  return <ChangeStep source={source} />;
}

/**
 * From a customer's spreadsheet (or devices picked in the grid) to a submitted bulk change:
 * file, columns, change, dry run, each step open to go back to.
 */
export function ImportPage() {
  const { step, source, handoff, submitted, busy, error, notice } = useImportStore(
    useShallow((state) => ({
      step: state.step,
      source: state.source,
      handoff: state.handoff,
      submitted: state.submitted,
      busy: state.busy,
      error: state.error,
      notice: state.notice,
    })),
  );
  const changeSelection = useNavigation((state) => state.changeSelection);
  const waiting = changeSelection !== null && changeSelection !== handoff;
  const holdsWork = source !== null && submitted === null;

  useEffect(() => {
    if (waiting && !holdsWork && busy === null) void beginSelection(changeSelection);
  }, [waiting, holdsWork, busy, changeSelection]);

  return (
    <section className="import-page" aria-labelledby="page-title">
      <div className="import-page__head">
        <h1 id="page-title">Import</h1>
        {!submitted && <Stepper />}
        <span className="import-page__spacer" />
        {source !== null && holdsWork && (
          <button type="button" className="button" disabled={busy !== null} onClick={abandon}>
            {source.kind === 'file' ? 'Close file' : 'Cancel change'}
          </button>
        )}
      </div>
      {waiting && source !== null && holdsWork && (
        <HandoffPrompt request={changeSelection} current={source} />
      )}
      {error && (
        <ErrorBanner
          error={error}
          onRetry={
            busy === null && handoff !== null && source === null
              ? () => void beginSelection(handoff)
              : undefined
          }
        />
      )}
      {notice && (
        <p className="import-page__notice" role="status">
          {notice}
        </p>
      )}
      {submitted ? (
        <SubmittedPanel submitted={submitted} />
      ) : (
        <CurrentStep step={step} source={source} gathering={busy === 'selection'} />
      )}
    </section>
  );
}
