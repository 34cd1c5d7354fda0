import { emptyStatusCounts } from '../../../shared/domain/changes';

/** Every device change status at zero, so a view always shows all of them. */
export const emptyCounts = emptyStatusCounts;
