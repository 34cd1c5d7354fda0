import { ChangeType, changeTypeLabels } from '../../../shared/domain/changes';
import './ChangeForm.css';

interface Props {
  value: ChangeType | null;
  onChange: (type: ChangeType) => void;
  /** Types this source can't make (an ICCID swap needs a file); shown, but not offered. */
  unavailable?: Partial<Record<ChangeType, string>>;
}

/** The five kinds of bulk change, as one row of radio buttons. */
export function ChangeTypePicker({ value, onChange, unavailable = {} }: Props) {
  return (
    <fieldset className="change-types">
      <legend className="field__label">What to change</legend>
      {ChangeType.options.map((type) => (
        <label
          key={type}
          className="change-types__option"
          title={unavailable[type]}
          aria-disabled={unavailable[type] ? true : undefined}
        >
          <input
            type="radio"
            name="change-type"
            value={type}
            checked={value === type}
            disabled={unavailable[type] !== undefined}
            onChange={() => onChange(type)}
          />
          {changeTypeLabels[type]}
        </label>
      ))}
    </fieldset>
  );
}
