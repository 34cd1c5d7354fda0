import { isIPv4 } from 'node:net';
import { z } from 'zod';
import type { SimResponse } from '../common/router';
import { OverageOverride, type DeviceEdit, type JasperDevice } from './inventory';
import { jasperError } from './responses';
import type { JasperSettings } from './settings';
import { JasperStatus } from './statuses';

const text = z.string();
const customFields = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`accountCustom${i + 1}`, text.optional()]),
);

/** Edit Device Details' body (reference §2.3). Unknown fields are ignored, as Control Center does. */
const EditBody = z.object({
  status: text.optional(),
  ratePlan: text.optional(),
  communicationPlan: text.optional(),
  customer: text.optional(),
  deviceID: text.optional(),
  modemID: text.optional(),
  overageLimitOverride: text.optional(),
  ipv4Address: text.optional(),
  apn: text.optional(),
  pdpId: z.union([text, z.number()]).optional(),
  ipv6Address: text.optional(),
  effectiveDate: text.optional(),
  ...customFields,
});

// [doc] A future effectiveDate may be at most 180 days ahead.
const MAX_EFFECTIVE_MS = 180 * 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface EditContext {
  settings: JasperSettings;
  now: number;
  ratePlans: ReadonlySet<string>;
  communicationPlans: ReadonlySet<string>;
}

export type ReadEdit =
  | { ok: true; edit: DeviceEdit; effectiveAt: number | undefined }
  | { ok: false; response: SimResponse };

/** Why a status move is refused under the configured matrix, or undefined if it is allowed. */
export function transitionRefusal(
  settings: JasperSettings,
  device: JasperDevice,
  edit: DeviceEdit,
): string | undefined {
  if (edit.status === undefined) return undefined;
  if (edit.status === device.status)
    return settings.sameStatus === 'reject' ? `Device is already ${device.status}` : undefined;
  const allowed = settings.transitions[device.status] ?? [];
  return allowed.includes(edit.status)
    ? undefined
    : `Invalid status change from ${device.status} to ${edit.status}`;
}

/** Validates an Edit Device Details request against the rules the reference documents. */
export function readEdit(body: unknown, device: JasperDevice, context: EditContext): ReadEdit {
  const { codes } = context.settings;
  const refuse = (message: string, code: string): ReadEdit => ({
    ok: false,
    response: jasperError(400, message, code),
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse('Request body must be a JSON object', codes.invalidBody);
  const parsed = EditBody.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'body';
    return refuse(`Invalid value for field ${field}`, codes.invalidBody);
  }
  const input = parsed.data;
  const edit: DeviceEdit = {};
  for (const key of ['ratePlan', 'communicationPlan', 'customer', 'deviceID', 'modemID'] as const) {
    if (input[key] !== undefined) edit[key] = input[key];
  }
  if (input.ipv6Address !== undefined) edit.ipv6Address = input.ipv6Address;
  const custom = Object.entries(input).filter(
    (entry): entry is [string, string] =>
      entry[0].startsWith('accountCustom') && typeof entry[1] === 'string',
  );
  if (custom.length > 0) edit.accountCustom = Object.fromEntries(custom);

  if (input.status !== undefined) {
    const status = JasperStatus.safeParse(input.status);
    if (!status.success) return refuse(`Invalid status: ${input.status}`, codes.invalidStatus);
    edit.status = status.data;
  }
  if (input.overageLimitOverride !== undefined) {
    const override = OverageOverride.find((value) => value === input.overageLimitOverride);
    if (!override)
      return refuse(
        `Invalid overageLimitOverride: ${input.overageLimitOverride}`,
        codes.invalidBody,
      );
    edit.overageLimitOverride = override;
  }
  if (input.ipv4Address !== undefined) edit.ipv4Address = input.ipv4Address;
  if (Object.keys(edit).length === 0)
    return refuse('At least one editable field is required', codes.noEditableField);

  if (edit.ratePlan !== undefined && !context.ratePlans.has(edit.ratePlan))
    return refuse(`Invalid rate plan: ${edit.ratePlan}`, codes.invalidRatePlan);
  if (
    edit.communicationPlan !== undefined &&
    !context.communicationPlans.has(edit.communicationPlan)
  )
    return refuse(
      `Invalid communication plan: ${edit.communicationPlan}`,
      codes.invalidCommunicationPlan,
    );

  let effectiveAt: number | undefined;
  if (input.effectiveDate !== undefined) {
    const at = ISO_DATE.test(input.effectiveDate) ? Date.parse(input.effectiveDate) : NaN;
    if (!Number.isFinite(at))
      return refuse(`Invalid effectiveDate: ${input.effectiveDate}`, codes.invalidEffectiveDate);
    if (at - context.now > MAX_EFFECTIVE_MS)
      return refuse(
        'effectiveDate cannot be more than 180 days in the future',
        codes.effectiveDateTooFar,
      );
    if (at > context.now) effectiveAt = at;
  }

  if (edit.ipv4Address !== undefined) {
    // [doc] ipv4Address needs apn and pdpId, and a communication plan that allows a fixed IP.
    if (input.apn === undefined || input.pdpId === undefined)
      return refuse('apn and pdpId are required when setting ipv4Address', codes.ipv4Incomplete);
    if (!isIPv4(edit.ipv4Address))
      return refuse(`Invalid ipv4Address: ${edit.ipv4Address}`, codes.invalidIpv4);
    const plan = edit.communicationPlan ?? device.communicationPlan;
    if (plan === null || !context.settings.fixedIpCommunicationPlans.includes(plan))
      return refuse(
        `Communication plan ${plan ?? '(none)'} does not support fixed IP addresses`,
        codes.ipv4NotSupported,
      );
  }

  const refused = transitionRefusal(context.settings, device, edit);
  if (refused) return refuse(refused, codes.invalidTransition);
  return { ok: true, edit, effectiveAt };
}
