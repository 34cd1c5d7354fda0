import type { ThingSpaceCredentials } from '../../../../shared/domain/credentials';
import { defaultLimiter, secretValues, type AdapterOptions } from '../adapterOptions';
import { createCarrierHttp } from '../http/client';
import { Limiter } from '../limiter';
import type { CarrierAdapter, CarrierCapabilities } from '../types';
import { thingSpaceCall } from './api';
import { MAX_LOGIN_FAILURES_CAP, ThingSpaceAuth } from './auth';
import { changeIdentifier, changeRatePlan, updateStatus, type ChangeContext } from './changes';
import { readDevice } from './devices';
import { pollRequest } from './completion';
import { ActionLedger } from './ledger';
import { decodeRequestRef } from './requestRef';
import { ServicePlans, reasonOf } from './wire';

export interface ThingSpaceAdapterOptions extends AdapterOptions<ThingSpaceCredentials> {
  /** The clock for token lifetimes and per-line quotas; tests pass the simulator's. */
  now?: () => number;
  /** Refused logins before the adapter stops for good (default 1, at most 3; ThingSpace locks at 5). */
  maxLoginFailures?: number;
  /** Activate calls started per minute. ThingSpace caps them; the number is unknown (assumed 10). */
  activationsPerMinute?: number;
  /** The account has Verizon's IoT Order Flow: 25 suspend/restore actions per line per day. */
  iotOrderFlow?: boolean;
  /** The `{serviceType}` segment of the device-ID change path; no source gives its values. */
  deviceIdServiceType?: string;
}

/**
 * ThingSpace accepts everything asynchronously and completes it later (§1.7). It publishes no
 * general call-rate limit, so the lane defaults to the sandbox account's 10/s with 4 in
 * flight; the per-minute activate cap has a lane of its own.
 */
export const thingSpaceCapabilities: CarrierCapabilities = {
  changeTypes: ['statusUpdate', 'carrierRatePlanChange', 'identifierChange'],
  statusActions: ['activate', 'suspend', 'restore', 'deactivate'],
  maxDevicesPerCall: 1,
  completion: 'async',
  defaultConcurrency: 4,
  defaultRatePerSecond: 10,
  identifierChanges: ['iccid', 'imei'],
  ratePlanCatalog: true,
  activationNeeds: ['ratePlan', 'zipCode'],
  requestFor: (op) =>
    op === 'ratePlan'
      ? 'PUT /m2m/v1/devices/actions/plan'
      : op === 'identifier'
        ? 'PUT /m2m/v1/devices/M2M/actions/deviceId'
        : `POST /m2m/v1/devices/actions/${op}`,
};

/**
 * The Verizon ThingSpace Connectivity Management adapter. `baseUrl` is the host
 * (`https://thingspace.verizon.com`, or a simulator); a trailing `/api` is accepted too.
 */
export function createThingSpaceAdapter(options: ThingSpaceAdapterOptions): CarrierAdapter {
  const { clientId, clientSecret, username, password, accountName } = options.credentials;
  const now = options.now ?? Date.now;
  const limiter = options.limiter ?? defaultLimiter(thingSpaceCapabilities);
  const tokens = new Set<string>();
  const http = createCarrierHttp({
    carrierName: 'ThingSpace',
    baseURL: options.baseUrl.replace(/\/+$/, '').replace(/\/api$/, ''),
    limiter,
    timeoutMs: options.timeoutMs,
    // Only the credential fields: a `carrier` tag or other words riding along are not secret.
    secrets: () => [
      ...secretValues({ clientId, clientSecret, username, password, accountName }),
      ...tokens,
    ],
    secretHeaders: ['Authorization', 'VZ-M2M-Token'],
    reasonOf,
    onExchange: options.onExchange,
  });
  const auth = new ThingSpaceAuth(http, options.credentials, {
    now,
    issued: tokens,
    maxLoginFailures: Math.min(
      MAX_LOGIN_FAILURES_CAP,
      Math.max(1, Math.floor(options.maxLoginFailures ?? 1)),
    ),
  });
  const call = thingSpaceCall(http, auth);
  const context: ChangeContext = {
    call,
    accountName,
    ledger: new ActionLedger(now, options.iotOrderFlow ?? false),
    activations: new Limiter({
      ratePerSecond: (options.activationsPerMinute ?? 10) / 60,
      concurrency: thingSpaceCapabilities.defaultConcurrency,
    }),
    deviceIdPath: `/api/m2m/v1/devices/${encodeURIComponent(options.deviceIdServiceType ?? 'M2M')}/actions/deviceId`,
  };
  const plansPath = `/api/m2m/v1/plans/${encodeURIComponent(accountName)}`;

  return {
    carrier: 'thingspace',
    capabilities: thingSpaceCapabilities,

    async testConnection() {
      // Signs in with both credentials and proves the account name, changing nothing.
      const result = await call({ method: 'GET', url: plansPath }, ServicePlans);
      return result.ok ? { ok: true } : { ok: false, error: result.error };
    },

    updateStatus: (devices, action, statusOptions) =>
      updateStatus(context, devices, action, statusOptions),
    changeRatePlan: (devices, planCode) => changeRatePlan(context, devices, planCode),
    changeIdentifier: (device, swap) => changeIdentifier(context, device, swap),

    getDeviceState: (device) => readDevice(call, accountName, { id: device.iccid, kind: 'iccid' }),

    pollRequest: (carrierRequestId, device) =>
      pollRequest(call, accountName, decodeRequestRef(carrierRequestId), device),

    async fetchRatePlans() {
      const result = await call({ method: 'GET', url: plansPath }, ServicePlans);
      if (!result.ok) return result;
      const plans = result.data.flatMap((plan) => {
        const code = plan.code ?? plan.name;
        return code ? [{ code, name: plan.name ?? code }] : [];
      });
      return { ok: true, plans };
    },

    // Nothing to release: the lanes hold no timers while idle, and the session simply idles out.
    close: async () => undefined,
  };
}
