import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../ui/format';
import { ModalForm } from '../../ui/ModalForm';
import { usePasteStore } from './pasteStore';
import './PasteDialog.css';

/** "Paste ids": a box for a list of ids from a spreadsheet or an email, any separator. */
export function PasteDialog() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const { progress, error, match, cancel } = usePasteStore(
    useShallow((state) => ({
      progress: state.progress,
      error: state.error,
      match: state.match,
      cancel: state.cancel,
    })),
  );
  const textId = useId();
  const hintId = useId();

  const close = () => {
    cancel();
    setOpen(false);
  };

  async function submit() {
    if (await match(text)) {
      setText('');
      setOpen(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Paste ids
      </button>
      <ModalForm
        open={open}
        title="Paste ids"
        onClose={close}
        onSubmit={() => void submit()}
        actions={
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={progress !== null || text.trim() === ''}
            >
              Find devices
            </button>
          </>
        }
      >
        <label htmlFor={textId} className="paste-dialog__label">
          ICCIDs, IMEIs, MSISDNs or EIDs
        </label>
        <p id={hintId} className="modal-form__hint">
          One per line, or separated by commas, semicolons, tabs or spaces. Spaces and dashes inside
          an id are fine. The grid then shows the devices found, all selected.
        </p>
        <textarea
          id={textId}
          className="modal-form__text paste-dialog__text mono"
          aria-describedby={hintId}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={progress !== null}
        />
        {progress && (
          <p className="paste-dialog__progress" role="status">
            <progress value={progress.done} max={progress.total} aria-label="Matching ids" />
            Matching… {formatCount(progress.ids)} ids read
          </p>
        )}
        {error && (
          <p className="modal-form__error" role="alert">
            {error.message}
          </p>
        )}
      </ModalForm>
    </>
  );
}
