import { useShallow } from 'zustand/react/shallow';
import { useChoicesStore } from './choicesStore';
import { BulkChangePicker } from './BulkChangePicker';
import { EvidencePanel } from './EvidencePanel';
import { Field } from '../../ui/Field';
import { useFormsStore } from './formsStore';
import { usePreviewStore } from './previewStore';

/** Picks a bulk change for its report: every device, before → after and outcome. */
export function BulkChangeForm() {
  const { bulkChangeId, timeZone, setBulkChangeId } = useFormsStore(
    useShallow((state) => ({
      bulkChangeId: state.bulkChangeId,
      timeZone: state.timeZone,
      setBulkChangeId: state.setBulkChangeId,
    })),
  );
  const entry = useChoicesStore((state) =>
    state.bulkChanges?.find((candidate) => candidate.id === bulkChangeId),
  );
  const loadChoices = useChoicesStore((state) => state.load);
  const show = usePreviewStore((state) => state.show);
  return (
    <>
      <form
        className="reports__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (bulkChangeId === null) return;
          // A change that was running when the list was read may have finished since.
          void loadChoices();
          show({ kind: 'bulkChange', bulkChangeId, timeZone });
        }}
      >
        <Field label="Bulk change">
          {({ id, describedBy }) => (
            <BulkChangePicker
              id={id}
              describedBy={describedBy}
              value={bulkChangeId}
              onChange={(next) => {
                setBulkChangeId(next);
                if (next !== null) show({ kind: 'bulkChange', bulkChangeId: next, timeZone });
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={bulkChangeId === null}>
          Show report
        </button>
      </form>
      {bulkChangeId !== null && (
        <EvidencePanel bulkChangeId={bulkChangeId} status={entry?.status ?? null} />
      )}
    </>
  );
}
