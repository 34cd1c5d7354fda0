import { z } from 'zod';
import { FieldChangeSchema } from '../../../shared/contract/bulk';

const PlannedChanges = z.array(FieldChangeSchema);

/** A device change's planned before → after, re-validated on load; rows written before it was recorded have none. */
export const plannedChanges = (json: string | null): z.infer<typeof PlannedChanges> =>
  json === null ? [] : PlannedChanges.parse(JSON.parse(json));
