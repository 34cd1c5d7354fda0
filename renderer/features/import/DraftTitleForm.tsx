import { useId, useState } from 'react';
import { saveDraft } from './importCalls';
import { useImportStore } from './importStore';

/** Asks what to call the draft, then saves it; the title is what the drafts list shows. */
export function DraftTitleForm({ initial, onDone }: { initial: string; onDone: () => void }) {
  const id = useId();
  const [title, setTitle] = useState(initial);
  const busy = useImportStore((state) => state.busy !== null);
  return (
    <form
      className="finish-bar__row"
      onSubmit={(event) => {
        event.preventDefault();
        void saveDraft(title.trim()).then((saved) => saved && onDone());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label htmlFor={id} className="finish-bar__label">
        Draft title
      </label>
      <input
        id={id}
        className="control finish-bar__title"
        value={title}
        maxLength={200}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
      />
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || title.trim() === ''}
      >
        Save draft
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
