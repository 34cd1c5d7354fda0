import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../ui/Field';
import { JobProgress } from './JobProgress';
import { useJobsStore, type Anchor } from './jobsStore';
import { VerificationText } from './VerificationText';

const ANCHOR = /^\s*(\d+)\s*:\s*([0-9a-f]{64})\s*$/i;

/** The recorded head typed as `id:hash`; undefined when empty, null when it is not one. */
function parseAnchor(text: string): Anchor | null | undefined {
  if (!text.trim()) return undefined;
  const match = ANCHOR.exec(text);
  return match ? { lastId: Number(match[1]), hash: match[2]!.toLowerCase() } : null;
}

/** Checks the audit log's hash chain end to end, and optionally against a head recorded earlier. */
export function VerifyPanel() {
  const { busy, verification, verify } = useJobsStore(
    useShallow((state) => ({
      busy: state.running !== null,
      verification: state.verification,
      verify: state.verify,
    })),
  );
  const [anchorText, setAnchorText] = useState('');
  const [checked, setChecked] = useState(false);
  const anchor = parseAnchor(anchorText);
  const problem =
    checked && anchor === null
      ? 'Write the recorded head as its entry number, a colon and its 64-character hash, such as 1204:3fa4…; or leave it empty.'
      : null;
  return (
    <section className="reports__verify" aria-labelledby="verify-title">
      <h2 id="verify-title" className="section-title">
        Audit log
      </h2>
      <form
        className="reports__form"
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (anchor !== null) void verify(anchor ?? null);
        }}
      >
        <Field
          label="Recorded head (optional)"
          hint="A head written down earlier, as entry:hash; it must still hold, so a rewritten or shortened log is caught."
          problem={problem}
          className="reports__anchor"
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="control mono"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              placeholder="1204:3fa4…"
              spellCheck={false}
              value={anchorText}
              onChange={(event) => setAnchorText(event.target.value)}
              onBlur={() => setChecked(true)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>
          Verify audit log
        </button>
      </form>
      <JobProgress kind="verify" unit="entries" />
      {verification && (
        <p
          className="reports__verdict"
          data-ok={verification.ok}
          role={verification.ok ? 'status' : 'alert'}
        >
          <VerificationText verification={verification} />
        </p>
      )}
    </section>
  );
}
