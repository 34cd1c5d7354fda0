import { carrierError } from '../errors';
import type { CarrierError } from '../types';

/** ThingSpace's business rules in plain words, for the desk. */
export const ruleMessages = {
  planWhileSuspended:
    "ThingSpace refused the plan change: the device is suspended, and plans can't change while suspended. Restore it first.",
  planQuota:
    'ThingSpace allows 4 plan changes per line per month, and this line has used them. Try again next month.',
  dailyQuota:
    "ThingSpace's daily limit of activate, suspend, restore and deactivate actions for this line is used up. Try again tomorrow.",
  suspendYearCap: 'ThingSpace allows 180 suspended days a year, and this line has used them.',
  idTaken:
    'ThingSpace refused the swap: the new identifier is already in ThingSpace. A deactivated device holding it must be deleted first.',
  swapNeedsActive: 'ThingSpace can swap identifiers only on an active line that has a number.',
  wrongState: "ThingSpace refused the change: the line's current state doesn't allow it.",
  notInAccount: 'ThingSpace does not have this device in the account.',
};

/**
 * The rules matched on the stable part of an error code (after the service prefix, §1.8) or
 * on the words of a per-device fault.
 */
const RULES: [RegExp, string][] = [
  [/NotAllowedWhileSuspended|while (the device is )?suspended/i, ruleMessages.planWhileSuspended],
  [/ServicePlanChangeLimit|plan changes per month/i, ruleMessages.planQuota],
  [/ProvisioningActionLimit|provisioning actions per/i, ruleMessages.dailyQuota],
  [/SuspendLimit|suspended for 180 days/i, ruleMessages.suspendYearCap],
  [/DeviceIdAlreadyExists|already in the ThingSpace database/i, ruleMessages.idTaken],
  [/NoMdn|active device with an MDN/i, ruleMessages.swapNeedsActive],
  [/InvalidDeviceState|is in state/i, ruleMessages.wrongState],
  [/DeviceNotFound|not (found )?in the account/i, ruleMessages.notInAccount],
];

/** A broken rule or a per-device failure, permanent, with the carrier's own words kept. */
export function ruleFailure(reason: string, httpStatus?: number): CarrierError {
  const rule = RULES.find(([pattern]) => pattern.test(reason));
  const message = rule?.[1] ?? `ThingSpace could not complete the change: ${reason}`;
  const code = message === ruleMessages.notInAccount ? 'not_found' : 'business_rule';
  return carrierError(code, message, { carrierReason: reason, httpStatus });
}

/** A failed request whose reason ThingSpace only sends by callback, which we can't receive. */
export const silentFailure = (): CarrierError =>
  carrierError(
    'business_rule',
    'ThingSpace reports the change failed but sends the reason only by callback, which the console cannot receive. Check the line in ThingSpace.',
    { carrierReason: 'Failure' },
  );

/**
 * Sharpens the HTTP layer's classification with ThingSpace's error codes: throttling sent as
 * a 400, the account name, forbidden characters, unknown plans and broken rules.
 */
export function refine(error: CarrierError): CarrierError {
  const reason = error.carrierReason ?? '';
  const extra = { httpStatus: error.httpStatus, carrierReason: error.carrierReason };
  if (/TooManyRequests|throttl/i.test(reason))
    return carrierError(
      'throttled',
      'ThingSpace asked us to slow down; the change will be retried.',
      { ...extra, retryAfterMs: error.retryAfterMs },
    );
  if (/AccountNotFound/i.test(reason))
    return carrierError(
      'validation',
      'ThingSpace does not know the account name in Settings. Check it, keeping any leading zeros.',
      extra,
    );
  if (/InvalidCharacter/i.test(reason))
    return carrierError(
      'validation',
      "ThingSpace refused a value containing ', < or \\, which it does not accept.",
      extra,
    );
  if (/RequestNotFound/i.test(reason))
    return carrierError(
      'not_found',
      "ThingSpace no longer knows this request. Check the line's state before sending the change again.",
      extra,
    );
  if (/INPUT_INVALID\.ServicePlan/i.test(reason))
    return carrierError(
      'validation',
      'ThingSpace does not know this rate plan for the account. Refresh the plan list and pick another.',
      extra,
    );
  if (error.code === 'validation' && RULES.some(([pattern]) => pattern.test(reason)))
    return ruleFailure(reason, error.httpStatus);
  return error;
}

/** What ThingSpace refuses anywhere in a request ([doc] §1.8 InvalidCharacter). */
export const FORBIDDEN_CHARACTERS = /['<\\]/;

export const forbiddenCharacters = (field: string): CarrierError =>
  carrierError(
    'validation',
    `ThingSpace does not accept ', < or \\ in the ${field}. Remove them and try again.`,
  );
