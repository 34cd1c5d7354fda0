import { isLuhnValid } from '../../../../shared/identifiers';
import type { DeviceStatus } from '../../../../shared/domain/devices';
import type { SimRequest, SimResponse } from '../common/router';
import type { TelegenceSimContext } from './context';
import { telegenceError } from './shapes';
import type { Line } from './state';

interface Characteristic {
  name: string;
  value: string;
}

/** The line-configuration detail: everything rides in `serviceCharacteristic`, as in partner code. */
export function lineDetail(ctx: TelegenceSimContext, line: Line) {
  const settings = ctx.settings();
  const list: [string, string | null][] = [
    ['subscriberStatus', settings.statusLetters[line.status]],
    ['sim', line.iccid],
    // Partner code reads the line's IMEI from `BLIMEI`, while updates send `IMEI`.
    ['BLIMEI', line.imei],
    ['singleUserCode', line.ratePlan],
    [
      'singleUserCodeDescription',
      line.ratePlan ? (ctx.ratePlans.get(line.ratePlan) ?? null) : null,
    ],
    ['serviceZipCode', line.zipCode],
    ['subscriberActivationDate', line.activatedAt],
    ['statusEffectiveDate', line.statusEffectiveDate],
    ['ipAddress', line.ipAddress],
    ...line.offeringCodes.map((code, i): [string, string] => [`offeringCode${i + 1}`, code]),
  ];
  return {
    subscriberNumber: line.subscriberNumber,
    billingAccountNumber: settings.billingAccountNumber,
    serviceCharacteristic: list
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([name, value]) => ({ name, value })),
  };
}

const notFound = (subscriberNumber: string | undefined) =>
  telegenceError(404, `Subscriber number ${subscriberNumber ?? ''} not found`);

/** GET lineconfig service/{subscriberNumber}. */
export function getLine(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const line = ctx.state.lines.get(request.params.subscriberNumber ?? '');
  return line
    ? { status: 200, body: lineDetail(ctx, line) }
    : notFound(request.params.subscriberNumber);
}

/** PATCH lineconfig service/{subscriberNumber}: a status `mode`, or characteristic updates. */
export function patchLine(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const line = ctx.state.lines.get(request.params.subscriberNumber ?? '');
  if (!line) return notFound(request.params.subscriberNumber);
  const body = (request.body ?? {}) as { mode?: unknown; reasonCode?: unknown };
  const characteristics = (request.body as { serviceCharacteristic?: unknown } | undefined)
    ?.serviceCharacteristic;
  if (body.mode !== undefined && characteristics !== undefined) {
    return telegenceError(400, 'Send a status change and a line update as separate requests');
  }
  const injected = ctx.faults().deviceFailures[line.iccid];
  if (injected) return telegenceError(400, injected);
  const now = new Date(request.clock.now()).toISOString();
  const refusal =
    body.mode !== undefined
      ? changeStatus(ctx, line, body.mode, body.reasonCode, now)
      : updateCharacteristics(ctx, line, characteristics);
  if (refusal) return refusal;
  if (ctx.settings().unreadableUpdateAnswers) {
    return { status: 200, text: 'Request processed', headers: { 'Content-Type': 'text/plain' } };
  }
  return { status: 200, body: lineDetail(ctx, line) };
}

const operationFor: Record<DeviceStatus, string> = {
  active: 'restore',
  suspended: 'suspend',
  deactivated: 'deactivate',
  inventory: 'inventory',
  pending: 'pending',
};

function changeStatus(
  ctx: TelegenceSimContext,
  line: Line,
  mode: unknown,
  reasonCode: unknown,
  now: string,
): SimResponse | undefined {
  const settings = ctx.settings();
  const target = typeof mode === 'string' ? settings.modes[mode] : undefined;
  if (!target) return telegenceError(400, `Invalid mode ${String(mode)}`);
  if (settings.requireReasonCode && (typeof reasonCode !== 'string' || reasonCode.trim() === '')) {
    return telegenceError(400, 'reasonCode is required for a status change');
  }
  if (!(settings.transitions[line.status] ?? []).includes(target)) {
    const letter = settings.statusLetters[line.status];
    return telegenceError(
      400,
      `Subscriber ${line.subscriberNumber} is in status ${letter}; mode ${String(mode)} is not allowed`,
    );
  }
  line.status = target;
  line.statusEffectiveDate = now;
  ctx.record(line.iccid, operationFor[target]);
  return undefined;
}

function updateCharacteristics(
  ctx: TelegenceSimContext,
  line: Line,
  raw: unknown,
): SimResponse | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    return telegenceError(400, 'Request must carry a mode or a serviceCharacteristic list');
  }
  if (line.status === 'deactivated') {
    return telegenceError(400, `Subscriber ${line.subscriberNumber} is cancelled`);
  }
  const list = raw as Characteristic[];
  const get = (name: string) => list.find((c) => c?.name === name)?.value;
  const sim = get('sim');
  const imei = get('IMEI');
  const plan = get('singleUserCode');
  if (sim !== undefined) {
    if (!/^\d{19,20}$/.test(sim) || !isLuhnValid(sim)) {
      return telegenceError(400, `SIM ${sim} is not a valid ICCID`);
    }
    const holder = ctx.state.lineBySim(sim);
    if (holder && holder !== line) {
      return telegenceError(
        400,
        `SIM ${sim} is already in use on subscriber ${holder.subscriberNumber}`,
      );
    }
    // The eSIM-profile case answers 2xx with nothing but the odd name (carrier-apis.md §3.3).
    if (ctx.settings().esimRequiredIccids.includes(sim)) {
      return { status: 200, body: { name: '/service/' } };
    }
  }
  if (imei !== undefined && (!/^\d{15}$/.test(imei) || !isLuhnValid(imei))) {
    return telegenceError(400, `IMEI ${imei} is not valid`);
  }
  if (plan !== undefined && !ctx.ratePlans.has(plan)) {
    return telegenceError(400, `Invalid singleUserCode ${plan}`);
  }
  if (sim !== undefined && sim !== line.iccid) {
    ctx.record(line.iccid, 'iccidSwap');
    ctx.state.spareSims.delete(sim);
    line.iccid = sim;
  }
  if (imei !== undefined && imei !== line.imei) {
    ctx.record(line.iccid, 'imeiSwap');
    line.imei = imei;
  }
  if (plan !== undefined && plan !== line.ratePlan) {
    ctx.record(line.iccid, 'ratePlan');
    line.ratePlan = plan;
  }
  applyOfferingCodes(ctx, line, list);
  return undefined;
}

/** `offeringCodeN` adds a feature (SOC), `removeOfferingCodeN` takes one off, as partner code sends. */
function applyOfferingCodes(ctx: TelegenceSimContext, line: Line, list: Characteristic[]): void {
  for (const { name, value } of list) {
    if (/^offeringCode\d*$/.test(name) && !line.offeringCodes.includes(value)) {
      line.offeringCodes.push(value);
      ctx.record(line.iccid, `offering+${value}`);
    } else if (/^removeOfferingCode\d*$/.test(name) && line.offeringCodes.includes(value)) {
      line.offeringCodes = line.offeringCodes.filter((code) => code !== value);
      ctx.record(line.iccid, `offering-${value}`);
    }
  }
}
