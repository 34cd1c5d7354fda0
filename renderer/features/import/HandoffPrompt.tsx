import { useNavigation } from '../../app/navigationStore';
import { deviceCount } from '../../ui/format';
import { beginSelection } from './importCalls';
import type { ChangeSelection, Source } from './importStore';

interface Props {
  request: ChangeSelection;
  current: Source;
}

/** Devices were picked in the grid while other work is open here: the desk chooses which to keep. */
export function HandoffPrompt({ request, current }: Props) {
  const clear = useNavigation((state) => state.clearChangeSelection);
  const working =
    current.kind === 'file'
      ? current.sheet.fileName
      : `the change of ${deviceCount(current.devices)}`;
  return (
    <div className="handoff" role="alert" aria-labelledby="handoff-title">
      <p id="handoff-title">
        You picked {deviceCount(request.count)} to change, but {working} is still open here. Closing
        it loses its checks and corrections unless you save it as a draft first.
      </p>
      <div className="handoff__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void beginSelection(request)}
        >
          Close it and change the {deviceCount(request.count)}
        </button>
        <button type="button" className="button" onClick={clear}>
          Keep working on {working}
        </button>
      </div>
    </div>
  );
}
