import type { ImportField } from '../../../shared/contract/imports';
import { StatusAction, type ChangeType } from '../../../shared/domain/changes';

/** A pool picker's choice that takes devices out of their pool (sent as `null`). */
export const NO_POOL = 'none';

/**
 * What each form holds, as the controls hold it (text, ids as text, '' for not chosen); the
 * field names are the change types' parameters in core.
 */
export interface FormValues {
  statusUpdate: {
    action: StatusAction | '';
    ratePlan: string;
    zipCode: string;
    etfWaiver: boolean;
  };
  carrierRatePlanChange: { ratePlan: string };
  customerRatePlanChange: {
    customerRatePlanId: string;
    customerPoolId: string;
    dataAllocationMb: string;
    effectiveDate: string;
  };
  customerAssignment: {
    customerId: string;
    siteId: string;
    customerRatePlanId: string;
    customerPoolId: string;
  };
  identifierChange: Record<string, never>;
}

export const emptyValues: FormValues = {
  statusUpdate: { action: '', ratePlan: '', zipCode: '', etfWaiver: false },
  carrierRatePlanChange: { ratePlan: '' },
  customerRatePlanChange: {
    customerRatePlanId: '',
    customerPoolId: '',
    dataAllocationMb: '',
    effectiveDate: '',
  },
  customerAssignment: { customerId: '', siteId: '', customerRatePlanId: '', customerPoolId: '' },
  identifierChange: {},
};

/** The spreadsheet field whose column, when mapped, gives a form field per row instead. */
export const filledByColumn: {
  [T in ChangeType]: Partial<Record<keyof FormValues[T], ImportField>>;
} = {
  statusUpdate: { action: 'targetStatus', ratePlan: 'carrierRatePlan' },
  carrierRatePlanChange: { ratePlan: 'carrierRatePlan' },
  customerRatePlanChange: {
    customerRatePlanId: 'customerRatePlan',
    effectiveDate: 'effectiveDate',
  },
  customerAssignment: {
    customerId: 'customer',
    siteId: 'site',
    customerRatePlanId: 'customerRatePlan',
  },
  identifierChange: {},
};

/** For each mapped field, the name of the spreadsheet column it comes from. */
export type MappedColumns = Partial<Record<ImportField, string>>;

type Params = Record<string, unknown>;

const id = (text: string): number | undefined => (text === '' ? undefined : Number(text));
const pool = (text: string): number | null | undefined => (text === NO_POOL ? null : id(text));
const withoutUnset = (params: Params): Params =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));

const paramsOf: { [T in ChangeType]: (values: FormValues[T]) => Params } = {
  statusUpdate: ({ action, ratePlan, zipCode, etfWaiver }) =>
    withoutUnset({
      action: action || undefined,
      // The plan and zip code are what an activation asks the carrier for; other moves take none.
      ratePlan: action === 'activate' && ratePlan ? ratePlan : undefined,
      zipCode: action === 'activate' && zipCode.trim() ? zipCode.trim() : undefined,
      etfWaiver: action === 'deactivate' && etfWaiver,
    }),
  carrierRatePlanChange: ({ ratePlan }) => withoutUnset({ ratePlan: ratePlan || undefined }),
  customerRatePlanChange: (c) =>
    withoutUnset({
      customerRatePlanId: id(c.customerRatePlanId),
      customerPoolId: pool(c.customerPoolId),
      dataAllocationMb: c.dataAllocationMb.trim() === '' ? undefined : Number(c.dataAllocationMb),
      effectiveDate: c.effectiveDate || undefined,
    }),
  customerAssignment: (a) =>
    withoutUnset({
      customerId: id(a.customerId),
      siteId: id(a.siteId),
      customerRatePlanId: id(a.customerRatePlanId),
      customerPoolId: pool(a.customerPoolId),
    }),
  // Core builds the swap list from the file's New ICCID / New IMEI columns.
  identifierChange: () => ({}),
};

/** The form's values as the change type's parameters; fields left empty are not sent. */
export function toParams<T extends ChangeType>(type: T, values: FormValues[T]): Params {
  return (paramsOf[type] as (values: FormValues[T]) => Params)(values);
}

const text = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : '';
const poolText = (value: unknown): string => (value === null ? NO_POOL : text(value));

/** A saved change's parameters (a reopened draft) back into the form. */
export function fromParams<T extends ChangeType>(type: T, params: Params): FormValues[T] {
  const forms: { [K in ChangeType]: () => FormValues[K] } = {
    statusUpdate: () => {
      const action = StatusAction.safeParse(params.action);
      return {
        action: action.success ? action.data : '',
        ratePlan: text(params.ratePlan),
        zipCode: text(params.zipCode),
        etfWaiver: params.etfWaiver === true,
      };
    },
    carrierRatePlanChange: () => ({ ratePlan: text(params.ratePlan) }),
    customerRatePlanChange: () => ({
      customerRatePlanId: text(params.customerRatePlanId),
      customerPoolId: poolText(params.customerPoolId),
      dataAllocationMb: text(params.dataAllocationMb),
      effectiveDate: text(params.effectiveDate),
    }),
    customerAssignment: () => ({
      customerId: text(params.customerId),
      siteId: text(params.siteId),
      customerRatePlanId: text(params.customerRatePlanId),
      customerPoolId: poolText(params.customerPoolId),
    }),
    identifierChange: () => ({}),
  };
  return forms[type]() as FormValues[T];
}
