import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ModalForm.css';

interface Props {
  open: boolean;
  title: string;
  /** Escape or Cancel: the caller decides what closing drops. */
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
  /** The buttons along the bottom, Cancel included. */
  actions: ReactNode;
}

/** A modal `<dialog>` holding one form: opened and closed by `open`, Escape closes it. */
export function ModalForm({ open, title, onClose, onSubmit, children, actions }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="modal-form"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="modal-form__actions">{actions}</div>
      </form>
    </dialog>
  );
}
