import { useNavigation } from '../../app/navigationStore';
import { deviceCount, formatCount } from '../../ui/format';
import { startOver } from './importCalls';
import type { Submitted } from './importStore';

/** `Bulk change #12 queued (1,180 devices)`, or several ids when the file made several. */
export function submittedTitle({ bulkChangeIds, devices }: Submitted): string {
  const ids = bulkChangeIds.map((id) => `#${id}`).join(', ');
  const which = bulkChangeIds.length === 1 ? `Bulk change ${ids}` : `Bulk changes ${ids}`;
  return `${which} queued (${deviceCount(devices)})`;
}

/** What was queued, and where to go next. */
export function SubmittedPanel({ submitted }: { submitted: Submitted }) {
  const go = useNavigation((state) => state.go);
  const openBulkChange = useNavigation((state) => state.openBulkChange);
  const [first, ...others] = submitted.bulkChangeIds;
  return (
    <section className="import-step submitted" role="status" aria-labelledby="step-title">
      <h2 id="step-title" className="submitted__title">
        {submittedTitle(submitted)}
      </h2>
      {submitted.skipped > 0 && (
        <p>
          {formatCount(submitted.skipped)} {submitted.skipped === 1 ? 'row' : 'rows'} with errors
          {submitted.skipped === 1 ? ' was' : ' were'} left out.
        </p>
      )}
      <p className="submitted__next">
        {others.length > 0
          ? 'The engine is working through them now. Open each to follow its progress, pause or cancel it, and retry failed rows.'
          : 'The engine is working through it now. Open it to follow its progress, pause or cancel it, and retry failed rows.'}
      </p>
      <div className="import-step__footer">
        {submitted.bulkChangeIds.map((id) => (
          <button
            key={id}
            type="button"
            className={`button${id === first ? ' button--primary' : ''}`}
            autoFocus={id === first}
            onClick={() => {
              startOver();
              openBulkChange(id);
            }}
          >
            Open bulk change #{id}
          </button>
        ))}
        <button type="button" className="button" onClick={startOver}>
          Import another file
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            startOver();
            go('devices');
          }}
        >
          Back to Devices
        </button>
      </div>
    </section>
  );
}
