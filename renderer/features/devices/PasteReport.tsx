import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { deviceCount, formatCount } from '../../ui/format';
import { usePasteStore } from './pasteStore';
import './PasteReport.css';

/** Rows listed on screen; Copy still takes every unmatched id. */
const SHOWN = 200;

const ids = (n: number) => `${formatCount(n)} ${n === 1 ? 'id' : 'ids'}`;

/** What a paste found: how many devices, which ids matched none (to copy and chase), repeats. */
export function PasteReport() {
  const { report, dismiss } = usePasteStore(
    useShallow((state) => ({ report: state.report, dismiss: state.dismiss })),
  );
  const [copied, setCopied] = useState<string | null>(null);
  const titleId = useId();
  if (!report) return null;
  const { unmatched } = report;

  async function copy() {
    try {
      await navigator.clipboard.writeText(unmatched.map((u) => u.value).join('\n'));
      setCopied(`Copied ${ids(unmatched.length)}.`);
    } catch {
      setCopied('The clipboard could not be reached: select the list below and copy it.');
    }
  }

  return (
    <section className="paste-report" aria-labelledby={titleId}>
      <div className="paste-report__head">
        <h2 id={titleId} className="paste-report__title">
          Pasted ids:{' '}
          {report.matched > 0 ? `found ${deviceCount(report.matched)}` : 'no devices found'}
          {' from '}
          {ids(report.ids)}
        </h2>
        {unmatched.length > 0 && (
          <button type="button" className="button" onClick={() => void copy()}>
            Copy unmatched ids
          </button>
        )}
        <button type="button" className="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <p className="paste-report__summary">
        {unmatched.length > 0
          ? `${ids(unmatched.length)} matched no single device.`
          : 'Every id matched a device.'}
        {report.duplicates > 0 &&
          ` ${ids(report.duplicates)} named a device already listed and ${report.duplicates === 1 ? 'was' : 'were'} counted once.`}
        {copied && <span aria-live="polite"> {copied}</span>}
      </p>
      {unmatched.length > 0 && (
        <div className="paste-report__list" tabIndex={0} role="region" aria-label="Unmatched ids">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Id as pasted</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {unmatched.slice(0, SHOWN).map((u) => (
                <tr key={u.position}>
                  <td className="paste-report__position">{formatCount(u.position)}</td>
                  <td className="mono">{u.value}</td>
                  <td>{u.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {unmatched.length > SHOWN && (
            <p className="paste-report__more">
              …and {formatCount(unmatched.length - SHOWN)} more: Copy unmatched ids takes them all.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
