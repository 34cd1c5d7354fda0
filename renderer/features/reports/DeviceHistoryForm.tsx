import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../ui/Field';
import { useFormsStore } from './formsStore';
import { usePreviewStore } from './previewStore';

/** Every change made to one device, found by any ICCID, IMEI or MSISDN it has or had. */
export function DeviceHistoryForm() {
  const { identifier, timeZone, setIdentifier } = useFormsStore(
    useShallow((state) => ({
      identifier: state.identifier,
      timeZone: state.timeZone,
      setIdentifier: state.setIdentifier,
    })),
  );
  const show = usePreviewStore((state) => state.show);
  const typed = identifier.trim();
  return (
    <form
      className="reports__form"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed) show({ kind: 'deviceHistory', identifier: typed, timeZone });
      }}
    >
      <Field
        className="reports__narrow"
        label="ICCID, IMEI or MSISDN"
        hint="Also a former one: a device keeps its history across SIM and hardware swaps."
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            className="control mono"
            aria-describedby={describedBy}
            inputMode="numeric"
            spellCheck={false}
            maxLength={64}
            value={identifier}
            onChange={(event) => setIdentifier(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={!typed}>
        Show history
      </button>
    </form>
  );
}
