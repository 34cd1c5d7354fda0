import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useProgressStore } from '../../app/progressStore';
import { DryRunSummary } from './DryRunSummary';
import { FinishBar } from './FinishBar';
import { cancelRunning, runCheck } from './importCalls';
import { importIdOf, useImportStore, type Source } from './importStore';
import { RowsGrid } from './RowsGrid';
import { useRowsStore } from './rowsStore';
import { TaskProgress } from './TaskProgress';

/** Step 4: every row checked against today's inventory, before anything is sent. */
export function DryRunStep({ source }: { source: Source }) {
  const { check, checkRun, busy } = useImportStore(
    useShallow((state) => ({ check: state.check, checkRun: state.checkRun, busy: state.busy })),
  );
  const importId = importIdOf(source);
  const progress = useProgressStore((state) => state.running[`import:${importId}`]);
  const showCheck = useRowsStore((state) => state.showCheck);

  useEffect(() => {
    if (checkRun > 0) showCheck(importId);
  }, [importId, checkRun, showCheck]);

  return (
    <>
      <section className="import-step" aria-labelledby="step-title" aria-busy={busy === 'check'}>
        <h2 id="step-title" className="section-title">
          Dry run
        </h2>
        {(busy === 'check' || busy === 'submit') && (
          <TaskProgress
            label={busy === 'check' ? 'Checking every row…' : 'Checking again, then queueing…'}
            progress={progress}
            onCancel={() => void cancelRunning()}
          />
        )}
        {!check && busy !== 'check' && (
          <div className="import-step__footer">
            <p className="field__hint">Not checked since the last change.</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void runCheck()}
            >
              Check again
            </button>
          </div>
        )}
        {check && (
          <>
            <DryRunSummary check={check} />
            <RowsGrid check={check} editable={source.kind === 'file'} />
          </>
        )}
      </section>
      {check && <FinishBar check={check} />}
    </>
  );
}
