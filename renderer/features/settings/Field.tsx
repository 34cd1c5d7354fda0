import { useId, type ReactNode } from 'react';
import '../../ui/controls.css';

interface Props {
  label: string;
  hint?: ReactNode;
  /** What is wrong with the value, in words; shown under the control and read with it. */
  problem?: string;
  children: (control: {
    id: string;
    'aria-describedby': string;
    'aria-invalid': boolean;
  }) => ReactNode;
}

/** A labelled control with its hint and, once checked, what is wrong with it. */
export function Field({ label, hint, problem, children }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': `${id}-note`, 'aria-invalid': problem !== undefined })}
      {problem ? (
        <p id={`${id}-note`} className="field__hint settings__problem">
          {problem}
        </p>
      ) : (
        hint && (
          <p id={`${id}-note`} className="field__hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
