import { deviceStatusLabels, type DeviceStatus } from '../../../shared/domain/devices';
import './StatusLabel.css';

/** Our status for a line, with its colour as a small dot beside the word. */
export function StatusLabel({ status }: { status: DeviceStatus }) {
  return (
    <span className="status-label" data-status={status}>
      <span className="status-label__dot" aria-hidden />
      {deviceStatusLabels[status]}
    </span>
  );
}
