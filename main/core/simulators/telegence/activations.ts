import { isLuhnValid } from '../../../../shared/identifiers';
import type { SimRequest, SimResponse } from '../common/router';
import type { TelegenceSimContext } from './context';
import { telegenceError } from './shapes';
import type { ActivationRequest, ActivationService } from './state';

interface Characteristic {
  name: string;
  value: string;
}

const characteristicsOf = (service: unknown): Characteristic[] | undefined => {
  const list = (service as { serviceCharacteristic?: unknown } | undefined)?.serviceCharacteristic;
  if (!Array.isArray(list)) return undefined;
  return list.filter(
    (c): c is Characteristic =>
      typeof (c as Characteristic | null)?.name === 'string' &&
      typeof (c as Characteristic).value === 'string',
  );
};
const valueOf = (list: Characteristic[], name: string) =>
  list.find((c) => c.name === name)?.value ?? null;

/** POST serviceactivation: an array of ≤ 200 service objects; one request id for the whole batch. */
export function submitActivations(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const settings = ctx.settings();
  const body = request.body;
  if (!Array.isArray(body) || body.length === 0) {
    return telegenceError(400, 'Request body must be a non-empty array of service activations');
  }
  if (body.length > settings.maxActivationsPerRequest) {
    return telegenceError(
      settings.oversizeStatus,
      `API only allow maximum of ${settings.maxActivationsPerRequest} service activations per request`,
      `Received ${body.length} service activations`,
    );
  }
  const services: ActivationService[] = [];
  for (const [index, element] of body.entries()) {
    const sent = (element ?? {}) as Record<string, unknown>;
    const characteristics = characteristicsOf(sent.service);
    const iccid = characteristics && valueOf(characteristics, 'sim');
    if (!characteristics || !iccid) {
      return telegenceError(400, `service[${index}].serviceCharacteristic must include sim`);
    }
    services.push({
      iccid,
      imei: valueOf(characteristics, 'IMEI'),
      ratePlan: valueOf(characteristics, 'singleUserCode'),
      zipCode: valueOf(characteristics, 'serviceZipCode'),
      sent,
    });
  }
  const now = request.clock.now();
  const activation: ActivationRequest = {
    id: ctx.state.newRequestId(),
    submittedAt: now,
    reservedAt: now + settings.reservedAfterMs,
    dueAt: now + settings.completeAfterMs,
    services,
  };
  ctx.state.activations.set(activation.id, activation);
  return { status: 200, body: present(activation, now) };
}

/** GET serviceactivation/{id}: the same array, now with each service's status. */
export function activationStatus(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const activation = ctx.state.activations.get(request.params.id ?? '');
  if (!activation) {
    return telegenceError(404, `Service activation request ${request.params.id} not found`);
  }
  return { status: 200, body: present(activation, request.clock.now()) };
}

/** Settles every activation that is due: the first to settle wins a SIM, so nothing activates twice. */
export function settleActivations(ctx: TelegenceSimContext, now: number): void {
  for (const activation of ctx.state.activations.values()) {
    if (activation.settledAt !== undefined || now < activation.dueAt) continue;
    activation.settledAt = now;
    for (const service of activation.services) service.outcome = settle(ctx, service, now);
  }
}

function settle(
  ctx: TelegenceSimContext,
  service: ActivationService,
  now: number,
): NonNullable<ActivationService['outcome']> {
  const settings = ctx.settings();
  const injected = ctx.faults().deviceFailures[service.iccid];
  if (injected) return { kind: 'rejected', error: injected };
  if (!/^\d{19,20}$/.test(service.iccid) || !isLuhnValid(service.iccid)) {
    return { kind: 'rejected', error: `SIM ${service.iccid} is not a valid ICCID` };
  }
  if (settings.esimRequiredIccids.includes(service.iccid)) return { kind: 'esim' };
  const holder = ctx.state.lineBySim(service.iccid);
  if (holder) {
    return {
      kind: 'rejected',
      error: `SIM ${service.iccid} is already in use on subscriber ${holder.subscriberNumber}`,
    };
  }
  if (!service.ratePlan) return { kind: 'rejected', error: 'singleUserCode is required' };
  if (!ctx.ratePlans.has(service.ratePlan)) {
    return { kind: 'rejected', error: `Invalid singleUserCode ${service.ratePlan}` };
  }
  const subscriberNumber = ctx.state.newSubscriberNumber();
  const at = new Date(now).toISOString();
  ctx.state.spareSims.delete(service.iccid);
  ctx.state.lines.set(subscriberNumber, {
    subscriberNumber,
    iccid: service.iccid,
    imei: service.imei,
    status: 'active',
    ratePlan: service.ratePlan,
    zipCode: service.zipCode,
    offeringCodes: [],
    activatedAt: at,
    statusEffectiveDate: at,
    ipAddress: null,
  });
  ctx.record(service.iccid, 'activate');
  return { kind: 'active', subscriberNumber };
}

/** The activation array as the client reads it at `now`. */
function present(activation: ActivationRequest, now: number) {
  const settled = activation.settledAt !== undefined;
  return activation.services.map((service) => {
    const sent = (service.sent.service ?? {}) as Record<string, unknown>;
    const outcome = service.outcome;
    const waiting = now < activation.reservedAt ? 'pending' : 'reserved';
    const status =
      outcome?.kind === 'active' ? 'active' : outcome?.kind === 'rejected' ? 'rejected' : waiting;
    return {
      ...service.sent,
      id: activation.id,
      interactionDate: new Date(activation.submittedAt).toISOString(),
      interactionStatus: settled ? 'Completed' : 'InProgress',
      interactionDateComplete: settled ? new Date(activation.settledAt!).toISOString() : null,
      service: {
        ...sent,
        // The odd answer AT&T gives a physical SIM that needs an eSIM profile (carrier-apis.md §3.3).
        name: outcome?.kind === 'esim' ? '/service/' : 'Mobility Service',
        status,
        subscriberNumber: outcome?.kind === 'active' ? outcome.subscriberNumber : null,
        error: outcome?.kind === 'rejected' ? outcome.error : null,
      },
    };
  });
}
