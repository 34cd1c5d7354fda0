import { useId, type ReactNode } from 'react';
import './controls.css';

interface Props {
  label: string;
  /** Short help under the control. */
  hint?: ReactNode;
  /** Marks the hint as the change's file speaking rather than help. */
  hintFromFile?: boolean;
  /** What is wrong with the value, in words that say what to type instead. */
  problem?: string | null;
  className?: string;
  /** The control, given its id and the id of the text under it. */
  children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}

/** A labelled control with its hint, or what is wrong with its value in place of the hint. */
export function Field({ label, hint, hintFromFile, problem, className, children }: Props) {
  const id = useId();
  const describedBy = `${id}-note`;
  const invalid = Boolean(problem);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid })}
      {invalid ? (
        <p id={describedBy} className="field__hint field__hint--problem">
          {problem}
        </p>
      ) : (
        hint && (
          <p
            id={describedBy}
            className={hintFromFile ? 'field__hint field__hint--file' : 'field__hint'}
          >
            {hint}
          </p>
        )
      )}
    </div>
  );
}
