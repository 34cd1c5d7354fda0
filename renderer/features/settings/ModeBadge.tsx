import type { AccountMode } from '../../../shared/domain/carriers';
import './ModeBadge.css';

const words: Record<AccountMode, { label: string; title: string }> = {
  sandbox: {
    label: 'Sandbox',
    title: 'Runs on a carrier simulator: nothing sent here reaches a real carrier.',
  },
  live: { label: 'Live', title: 'Talks to the real carrier: changes here are real.' },
};

/** Whether an account (or a change for it) is a rehearsal on a simulator or the real thing. */
export function ModeBadge({ mode }: { mode: AccountMode }) {
  return (
    <span className="mode-badge" data-mode={mode} title={words[mode].title}>
      {words[mode].label}
    </span>
  );
}
