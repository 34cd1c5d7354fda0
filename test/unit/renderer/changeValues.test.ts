import { describe, expect, it } from 'vitest';
import type { CatalogOptions } from '../../../shared/contract/imports';
import { missingForCheck } from '../../../renderer/features/changes/readiness';
import { fitToTenant } from '../../../renderer/features/changes/tenantFit';
import {
  emptyValues,
  fromParams,
  NO_POOL,
  toParams,
  type FormValues,
} from '../../../renderer/features/changes/values';

const withValues = <T extends keyof FormValues>(type: T, patch: Partial<FormValues[T]>) => ({
  ...emptyValues,
  [type]: { ...emptyValues[type], ...patch },
});

describe('change form values', () => {
  it('sends only what was filled in, as the change type’s parameters', () => {
    expect(toParams('statusUpdate', { ...emptyValues.statusUpdate, action: 'suspend' })).toEqual({
      action: 'suspend',
      etfWaiver: false,
    });
    expect(
      toParams('statusUpdate', {
        action: 'activate',
        ratePlan: 'M2MDATA1GB',
        zipCode: ' 75201 ',
        etfWaiver: true,
      }),
    ).toEqual({ action: 'activate', ratePlan: 'M2MDATA1GB', zipCode: '75201', etfWaiver: false });
    expect(
      toParams('customerRatePlanChange', {
        customerRatePlanId: '4',
        customerPoolId: NO_POOL,
        dataAllocationMb: '',
        effectiveDate: '2026-12-01',
      }),
    ).toEqual({ customerRatePlanId: 4, customerPoolId: null, effectiveDate: '2026-12-01' });
    expect(
      toParams('customerAssignment', { ...emptyValues.customerAssignment, customerId: '3' }),
    ).toEqual({
      customerId: 3,
    });
    expect(toParams('identifierChange', {})).toEqual({});
  });

  it('puts a reopened draft’s parameters back into the form unchanged', () => {
    const values: FormValues['customerAssignment'] = {
      customerId: '3',
      siteId: '7',
      customerRatePlanId: '',
      customerPoolId: NO_POOL,
    };
    expect(fromParams('customerAssignment', toParams('customerAssignment', values))).toEqual(
      values,
    );
    expect(fromParams('statusUpdate', { action: 'explode' }).action).toBe('');
  });

  it('says what is missing before the rows can be checked', () => {
    const draft = { changeType: 'statusUpdate' as const, values: emptyValues, fromFile: true };
    expect(missingForCheck({ ...draft, mapped: {} })).toMatch(/ICCID, IMEI, MSISDN or EID/);
    expect(missingForCheck({ ...draft, mapped: { iccid: 'Sim Number' } })).toMatch(
      /status change, or map a Target status column/,
    );
    expect(
      missingForCheck({ ...draft, mapped: { iccid: 'Sim Number', targetStatus: 'New Status' } }),
    ).toBeNull();
    expect(
      missingForCheck({
        changeType: 'customerRatePlanChange',
        values: withValues('customerRatePlanChange', { dataAllocationMb: '1.5' }),
        mapped: {},
        fromFile: false,
      }),
    ).toMatch(/whole megabytes/);
    expect(
      missingForCheck({
        changeType: 'identifierChange',
        values: emptyValues,
        mapped: {},
        fromFile: false,
      }),
    ).toMatch(/takes its new identifiers from a file/);
  });

  it('lets go of customers, plans and pools of another tenant once a tenant is chosen', () => {
    const catalog: CatalogOptions = {
      tenants: [
        { id: 1, name: 'Northwind' },
        { id: 2, name: 'Contoso' },
      ],
      customers: [
        { id: 10, tenantId: 1, name: 'Acme' },
        { id: 20, tenantId: 2, name: 'Fabrikam' },
      ],
      sites: [{ id: 100, customerId: 20, name: 'Depot' }],
      carrierRatePlans: [],
      customerRatePlans: [{ id: 5, tenantId: 2, code: 'P5', name: 'Plan 5' }],
      customerPools: [{ id: 8, tenantId: 1, name: 'Pool 8' }],
    };
    const values = withValues('customerAssignment', {
      customerId: '20',
      siteId: '100',
      customerRatePlanId: '5',
      customerPoolId: '8',
    });
    expect(fitToTenant(values, 1, catalog).customerAssignment).toEqual({
      customerId: '',
      siteId: '',
      customerRatePlanId: '',
      customerPoolId: '8',
    });
    expect(fitToTenant(values, 2, catalog).customerAssignment).toEqual({
      customerId: '20',
      siteId: '100',
      customerRatePlanId: '5',
      customerPoolId: '',
    });
    expect(fitToTenant(values, null, catalog)).toBe(values);
  });
});
