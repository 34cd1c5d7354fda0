import { useId, useMemo } from 'react';
import { computerZone, useFormsStore } from './formsStore';

/** Every zone this computer knows, with its own first and marked as such. */
function zoneChoices(): { zone: string; label: string }[] {
  const own = computerZone();
  const others = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== own);
  return [
    { zone: own, label: `${own} (this computer)` },
    ...others.map((zone) => ({ zone, label: zone })),
  ];
}

/** The zone report times are written in, on screen and in the files alike. */
export function TimeZonePicker() {
  const timeZone = useFormsStore((state) => state.timeZone);
  const setTimeZone = useFormsStore((state) => state.setTimeZone);
  const choices = useMemo(() => zoneChoices(), []);
  const id = useId();
  return (
    <div className="reports__zone">
      <label className="field__label" htmlFor={id}>
        Time zone
      </label>
      <select
        id={id}
        className="control"
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
      >
        {choices.map(({ zone, label }) => (
          <option key={zone} value={zone}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
