import { describe, expect, it } from 'vitest';
import { fieldName } from '../../../renderer/features/import/fieldNames';

describe('fieldName', () => {
  it('names the fields a dry run changes as the desk reads them', () => {
    expect(fieldName('status')).toBe('Status');
    expect(fieldName('customerRatePlan')).toBe('Customer rate plan');
    expect(fieldName('dataAllocationMb')).toBe('Data allocation (MB)');
    expect(fieldName('communicationPlan')).toBe('Communication plan');
  });
});
