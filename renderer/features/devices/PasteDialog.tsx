import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../ui/format';
import { usePasteStore } from './pasteStore';
import './PasteDialog.css';

/** "Paste ids": a box for a list of ids from a spreadsheet or an email, any separator. */
export function PasteDialog() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
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
  const titleId = useId();

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

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
      <dialog
        ref={dialog}
        className="paste-dialog"
        aria-labelledby={titleId}
        onCancel={(event) => {
          event.preventDefault();
          close();
        }}
      >
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2 id={titleId}>Paste ids</h2>
          <label htmlFor={textId}>ICCIDs, IMEIs, MSISDNs or EIDs</label>
          <p id={hintId} className="paste-dialog__hint">
            One per line, or separated by commas, semicolons, tabs or spaces. Spaces and dashes
            inside an id are fine. The grid then shows the devices found, all selected.
          </p>
          <textarea
            id={textId}
            className="paste-dialog__text mono"
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
            <p className="paste-dialog__error" role="alert">
              {error.message}
            </p>
          )}
          <div className="paste-dialog__actions">
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
          </div>
        </form>
      </dialog>
    </>
  );
}
