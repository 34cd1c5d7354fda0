import type { ChangeType } from '../../../shared/domain/changes';
import { carrierRatePlanChange } from './carrierRatePlanChange';
import { customerAssignment } from './customerAssignment';
import { customerRatePlanChange } from './customerRatePlanChange';
import { recordSchedule } from './customerRatePlanChange.schedule';
import type { ChangeHandler } from './handler';
import { identifierChange } from './identifierChange';
import { statusUpdate } from './statusUpdate';

/** Every change type the engine runs, by name. */
export const changeHandlers = {
  statusUpdate,
  carrierRatePlanChange,
  customerRatePlanChange: {
    ...customerRatePlanChange,
    // Future-dated rows wait in the queue until their date; the schedule view shows them meanwhile.
    afterCreate(db, params, rows) {
      for (const { deviceChangeId, item } of rows) {
        const effectiveAt = item.request.effectiveAt;
        if (typeof effectiveAt === 'number' && effectiveAt > Date.now())
          recordSchedule(db, deviceChangeId, item.device.id, params, effectiveAt);
      }
    },
  } satisfies typeof customerRatePlanChange,
  customerAssignment,
  identifierChange,
} as unknown as Record<ChangeType, ChangeHandler<never>>;
