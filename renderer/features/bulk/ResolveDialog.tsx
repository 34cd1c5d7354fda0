import { useId, useState } from 'react';
import { formatCount } from '../../ui/format';
import { ModalForm } from '../../ui/ModalForm';
import { resolveReview, useBulkViewStore } from './bulkViewStore';
import './ResolveDialog.css';

/** The contract's floor for a reason: a few words that say what was checked. */
const MIN_REASON = 5;

interface Props {
  open: boolean;
  /** How many rows it closes, for the words. */
  rows: number;
  /** Only these rows; undefined closes every row still to review. */
  deviceChangeIds: number[] | undefined;
  onClose: () => void;
}

/**
 * Closes NEEDS_REVIEW rows after someone checked them at the carrier: done or failed, and why.
 * The reason is required and goes into the audit log.
 */
export function ResolveDialog({ open, rows, deviceChangeIds, onClose }: Props) {
  const [outcome, setOutcome] = useState<'SUCCEEDED' | 'FAILED'>('SUCCEEDED');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const busy = useBulkViewStore((state) => state.busy === 'resolve');
  const error = useBulkViewStore((state) => state.error);
  const reasonId = useId();
  const hintId = useId();
  const tooShort = reason.trim().length < MIN_REASON;
  const which = rows === 1 ? 'the row' : `the ${formatCount(rows)} rows`;

  const close = () => {
    setReason('');
    setTried(false);
    onClose();
  };

  async function submit() {
    setTried(true);
    if (tooShort) return;
    if (await resolveReview(outcome, reason.trim(), deviceChangeIds)) close();
  }

  return (
    <ModalForm
      open={open}
      title={`Resolve ${which} to review`}
      onClose={close}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy
              ? 'Saving…'
              : outcome === 'SUCCEEDED'
                ? `Mark ${which} done`
                : `Mark ${which} failed`}
          </button>
        </>
      }
    >
      <p className="modal-form__hint">
        The console could not tell whether the carrier made these changes. Check them at the
        carrier, then say what you found.
      </p>
      <fieldset className="resolve-dialog__choices">
        <legend className="visually-hidden">What the carrier shows</legend>
        <label>
          <input
            type="radio"
            name="outcome"
            checked={outcome === 'SUCCEEDED'}
            onChange={() => setOutcome('SUCCEEDED')}
          />
          The carrier made the change: mark {which} done
        </label>
        <label>
          <input
            type="radio"
            name="outcome"
            checked={outcome === 'FAILED'}
            onChange={() => setOutcome('FAILED')}
          />
          The carrier did not: mark {which} failed, to retry or correct
        </label>
      </fieldset>
      <label htmlFor={reasonId} className="resolve-dialog__label">
        What you checked
      </label>
      <p id={hintId} className="modal-form__hint">
        Required; kept in the audit log. For example: “Checked in Control Center: the SIM shows
        suspended.”
      </p>
      <textarea
        id={reasonId}
        className="modal-form__text resolve-dialog__text"
        aria-describedby={hintId}
        aria-invalid={tried && tooShort}
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {tried && tooShort && (
        <p className="modal-form__error" role="alert">
          Say what you checked at the carrier, in at least a few words.
        </p>
      )}
      {tried && !tooShort && error && (
        <p className="modal-form__error" role="alert">
          {error.message}
        </p>
      )}
    </ModalForm>
  );
}
