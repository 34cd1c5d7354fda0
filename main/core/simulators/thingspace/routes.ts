import type { SimClock } from '../common/clock';
import type { Route, SimHandler, SimRequest, SimResponse } from '../common/router';
import type { SimAuth } from './auth';
import type { Inventory, SimLine } from './inventory';
import { listDevices } from './list';
import type { JobParams, RequestBook } from './requests';
import { MAX_DEVICES_PER_ACTIVATE, fault, type DeviceAction, type RuleFault } from './rules';
import type { ThingSpaceSimSettings } from './settings';
import { checkBody, readDeviceIds, readDevices, specs, vzError, type BodySpec } from './validation';

export interface ThingSpaceWorld {
  auth: SimAuth;
  book: RequestBook;
  inventory: Inventory;
  settings: () => ThingSpaceSimSettings;
  clock: SimClock;
  accountName: string;
  plans: { code: string; name: string }[];
}

const M2M = '/api/m2m/v1';
const CHANGE_OPTIONS = [
  'ChangeICCID',
  'ChangeIMEI',
  'ChangeIMEIandICCID',
  'ChangeMSISDN',
  '3Gto4G',
  '4Gto3G',
  'ChangeIMEIandEID',
];

/** The ThingSpace paths the console uses, behind the gateway's bearer and session checks. */
export function thingSpaceRoutes(world: ThingSpaceWorld): Route[] {
  const { auth, book, inventory, settings, clock } = world;
  const activateStarts: number[] = [];

  // Every M2M call passes the bearer check, then the session check, and lets due work finish.
  const authed =
    (handler: SimHandler): SimHandler =>
    (request) => {
      const refused = auth.checkBearer(request) ?? auth.checkSession(request);
      if (refused) return refused;
      book.processDue();
      return handler(request);
    };

  const check = (request: SimRequest, spec: BodySpec) =>
    checkBody(request.body, spec, {
      rejectUnknownKeys: settings().rejectUnknownKeys,
      accountName: world.accountName,
    });

  const knownPlan = (code: unknown) => world.plans.some((plan) => plan.code === code);

  /** [doc] The per-minute cap on activate calls, counted on the simulated clock. */
  function activateThrottled(): SimResponse | undefined {
    const { perMinute, signal, retryAfter } = settings().activateThrottle;
    const now = clock.now();
    while (activateStarts.length > 0 && now - activateStarts[0]! >= 60_000) activateStarts.shift();
    if (activateStarts.length < perMinute) {
      activateStarts.push(now);
      return undefined;
    }
    const waitSeconds = Math.max(1, Math.ceil((activateStarts[0]! + 60_000 - now) / 1000));
    return {
      ...vzError(
        'DeviceService.REQUEST_FAILED.TooManyRequests',
        `Too many activate requests: at most ${perMinute} per minute.`,
        signal === 'http429' ? 429 : 400,
      ),
      headers: retryAfter ? { 'Retry-After': String(waitSeconds) } : {},
    };
  }

  /** Takes a request once the lines are known: sync rule errors, or queued per device. */
  function take(
    action: DeviceAction,
    entries: { line: SimLine | undefined; params: JobParams; fault?: RuleFault }[],
  ): SimResponse {
    if (settings().ruleViolations === 'sync') {
      for (const { line, params } of entries) {
        const broken =
          line && (book.quotaFault(action, line) ?? book.stateFault(action, line, params));
        if (broken) return vzError(broken.code, broken.text);
      }
    }
    return { status: 200, body: book.submit(action, entries) };
  }

  function deviceAction(action: DeviceAction, spec: BodySpec): SimHandler {
    return authed((request) => {
      if (action === 'activate') {
        const throttled = activateThrottled();
        if (throttled) return throttled;
      }
      const invalid = check(request, spec);
      if (invalid) return invalid;
      const body = request.body as Record<string, unknown>;
      const devices = readDevices(body.devices);
      if (!devices)
        return vzError(
          'DeviceService.INPUT_INVALID.Devices',
          "'devices' must be a list of {deviceIds: [{id, kind}]}.",
        );
      if (
        action === 'activate' &&
        devices.length > MAX_DEVICES_PER_ACTIVATE &&
        !settings().allowOversizeActivate
      )
        return vzError('DeviceService.INPUT_INVALID.Devices', 'At most 10000 devices per request.');
      if ((action === 'activate' || action === 'plan') && !knownPlan(body.servicePlan))
        return vzError(
          'DeviceService.INPUT_INVALID.ServicePlan',
          `Service plan '${String(body.servicePlan)}' is not valid for this account.`,
        );
      if (action === 'deactivate' && body.reasonCode !== 'FF')
        return vzError(
          'DeviceService.INPUT_INVALID.ReasonCode',
          'Currently the only valid reason code is FF.',
        );
      const params: JobParams = {
        servicePlan: typeof body.servicePlan === 'string' ? body.servicePlan : undefined,
        etfWaiver: body.etfWaiver === true,
      };
      return take(
        action,
        devices.map((ids) => {
          const line = ids.map((id) => inventory.find(id)).find(Boolean);
          const iccid = ids.find((id) => id.kind.toLowerCase() === 'iccid')?.id;
          // [doc] An activate naming devices the account lacks may add them as deactivated.
          if (!line && action === 'activate' && iccid) {
            const imei = ids.find((id) => id.kind.toLowerCase() === 'imei')?.id ?? null;
            return {
              line: inventory.add(iccid, imei, clock.now()),
              params,
              fault: fault.addedDeactive(),
            };
          }
          return { line, params };
        }),
      );
    });
  }

  const changeDeviceId = authed((request) => {
    const invalid = check(request, specs.deviceId);
    if (invalid) return invalid;
    const body = request.body as Record<string, unknown>;
    const option = body.change4gOption;
    if (typeof option !== 'string' || !CHANGE_OPTIONS.includes(option))
      return vzError(
        'DeviceService.INPUT_INVALID.Change4gOption',
        `Invalid change4gOption '${String(option)}'.`,
      );
    const from = readDeviceIds(body.deviceIds);
    const to = readDeviceIds(body.deviceIdsTo);
    if (!from || (!to && option !== 'ChangeMSISDN'))
      return vzError(
        'DeviceService.INPUT_INVALID.RequestUndefined',
        "'deviceIds' and 'deviceIdsTo' are required.",
      );
    // Only the hardware swaps the console makes are simulated (ICCID, IMEI, or both).
    const wantsIccid = option.includes('ICCID');
    const wantsImei = option.includes('IMEI') && !option.includes('EID');
    if (!wantsIccid && !wantsImei)
      return vzError('DeviceService.INPUT_INVALID.Change4gOption', `${option} is not simulated.`);
    const newOf = (kind: string) => to?.find((id) => id.kind.toLowerCase() === kind)?.id;
    const params: JobParams = {
      newIccid: wantsIccid ? newOf('iccid') : undefined,
      newImei: wantsImei ? newOf('imei') : undefined,
    };
    if ((wantsIccid && !params.newIccid) || (wantsImei && !params.newImei))
      return vzError(
        'DeviceService.INPUT_INVALID.DeviceIdsTo',
        `'deviceIdsTo' does not match ${option}.`,
      );
    const line = from.map((id) => inventory.find(id)).find(Boolean);
    return take('deviceId', [{ line, params }]);
  });

  const list = authed((request) => {
    const invalid = check(request, specs.list);
    if (invalid) return invalid;
    const body = request.body as Record<string, unknown>;
    return listDevices(world, body);
  });

  const requestStatus = authed((request) => {
    if (request.params.accountName !== world.accountName)
      return vzError('UnifiedWebService.REQUEST_FAILED.AccountNotFound', 'Account not found.');
    const answer = book.status(request.params.requestId ?? '');
    if (answer.kind === 'status') return { status: 200, body: answer.body };
    const why = {
      unknown: ['RequestNotFound', 'Request not found.'],
      multiDevice: [
        'MultipleDevicesNotSupported',
        'Status is available only for single-device requests.',
      ],
      notCovered: [
        'RequestTypeNotSupported',
        'Status is available only for activate, deactivate, suspend and restore.',
      ],
    }[answer.kind];
    return vzError(`UnifiedWebService.REQUEST_FAILED.${why[0]}`, why[1]!);
  });

  const plans = authed((request) =>
    request.params.accountName === world.accountName
      ? {
          status: 200,
          body: world.plans.map((plan) => ({
            name: plan.name,
            code: plan.code,
            carrierServicePlanCode: plan.code,
            sizeKb: null,
            extendedAttributes: [],
          })),
        }
      : vzError('UnifiedWebService.REQUEST_FAILED.AccountNotFound', 'Account not found.'),
  );

  return [
    { method: 'POST', path: '/api/ts/v1/oauth2/token', handler: (request) => auth.token(request) },
    {
      method: 'POST',
      path: `${M2M}/session/login`,
      handler: (request) => auth.checkBearer(request) ?? auth.login(request),
    },
    {
      method: 'POST',
      path: `${M2M}/session/logout`,
      handler: authed((request) => auth.logout(request)),
    },
    {
      method: 'POST',
      path: `${M2M}/devices/actions/activate`,
      handler: deviceAction('activate', specs.activate),
    },
    {
      method: 'POST',
      path: `${M2M}/devices/actions/deactivate`,
      handler: deviceAction('deactivate', specs.deactivate),
    },
    {
      method: 'POST',
      path: `${M2M}/devices/actions/suspend`,
      handler: deviceAction('suspend', specs.suspendRestore),
    },
    {
      method: 'POST',
      path: `${M2M}/devices/actions/restore`,
      handler: deviceAction('restore', specs.suspendRestore),
    },
    {
      method: 'PUT',
      path: `${M2M}/devices/actions/plan`,
      handler: deviceAction('plan', specs.plan),
    },
    // [Low] The allowed {serviceType} values are unknown, so any segment is accepted.
    {
      method: 'PUT',
      path: `${M2M}/devices/:serviceType/actions/deviceId`,
      handler: changeDeviceId,
    },
    { method: 'POST', path: `${M2M}/devices/actions/list`, handler: list },
    {
      method: 'GET',
      path: `${M2M}/accounts/:accountName/requests/:requestId/status`,
      handler: requestStatus,
    },
    { method: 'GET', path: `${M2M}/plans/:accountName`, handler: plans },
  ];
}
