import type { FaultSettings } from '../common/faults';
import type { TelegenceSimSettings } from './settings';
import type { TelegenceState } from './state';

/** What the route handlers share: the books, the live settings and the simulator's counters. */
export interface TelegenceSimContext {
  state: TelegenceState;
  settings(): TelegenceSimSettings;
  faults(): FaultSettings;
  /** Plan codes (singleUserCode) the carrier sells, with their descriptions. */
  ratePlans: Map<string, string>;
  /** Marks a change as applied to a SIM, exactly when the books change. */
  record(iccid: string, operation: string): void;
}
