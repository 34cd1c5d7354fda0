import { formatCount } from '../../ui/format';
import type { Verification } from './jobsStore';

/** The audit check in a line: intact with its head, or where it broke and why. */
export function VerificationText({ verification }: { verification: Verification }) {
  if (verification.ok)
    return (
      <span className="reports__intact">
        Intact: {formatCount(verification.count)} {verification.count === 1 ? 'entry' : 'entries'},
        head{' '}
        <span className="mono reports__hash">
          {verification.headId}:{verification.headHash}
        </span>
      </span>
    );
  return (
    <span className="reports__broken">
      Broken at entry {verification.firstBrokenId}: {verification.reason}
    </span>
  );
}
