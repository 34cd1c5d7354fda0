import type { TelegenceCredentials } from '../../../../shared/domain/credentials';
import { defaultLimiter, type AdapterOptions } from '../adapterOptions';
import { carrierError } from '../errors';
import type {
  CarrierAdapter,
  CarrierCapabilities,
  CarrierDeviceState,
  DeviceOutcome,
  DeviceRef,
  IdentifierSwap,
  StatusAction,
} from '../types';
import { activate } from './activation';
import { createTelegenceClient } from './client';
import { CARRIER_NAME, reasonOf } from './errors';
import { createLineOps, LineDirectory, type LineChange } from './lines';
import { createActivationPoller } from './polling';
import {
  TelegenceAdapterSettings,
  type PollPolicy,
  type TelegenceAdapterSettingsInput,
} from './settings';
import { telegencePaths } from './wire';

export interface TelegenceAdapterOptions extends AdapterOptions<TelegenceCredentials> {
  settings?: TelegenceAdapterSettingsInput;
}

/** A Telegence adapter also tells the engine how to pace activation polls. */
export interface TelegenceAdapter extends CarrierAdapter {
  readonly pollPolicy: PollPolicy;
}

/**
 * What Telegence offers (carrier-apis.md §3): activation in batches of 200 that completes by
 * polling; suspend, restore, cancel, plan and equipment changes as one synchronous PATCH per line.
 * No limit is published; 5 calls/s with 2 in flight is the sandbox account's conservative lane.
 */
export const telegenceCapabilities: CarrierCapabilities = {
  changeTypes: ['statusUpdate', 'carrierRatePlanChange', 'identifierChange'],
  statusActions: ['activate', 'suspend', 'restore', 'deactivate'],
  maxDevicesPerCall: 200,
  completion: 'async',
  // Only activation is asynchronous and batched; every other change is one synchronous PATCH per line.
  asyncOperations: ['activate'],
  batchOperations: ['activate'],
  defaultConcurrency: 2,
  defaultRatePerSecond: 5,
  identifierChanges: ['iccid', 'imei'],
  ratePlanCatalog: false,
  activationNeeds: ['ratePlan'],
  requestFor: (op) =>
    op === 'activate'
      ? 'POST /sp/mobilityactivations/api/v1/serviceactivation'
      : 'PATCH /sp/mobility/lineconfig/api/v1/service/{subscriberNumber}',
};

const targetStatus: Record<Exclude<StatusAction, 'activate'>, CarrierDeviceState['status']> = {
  suspend: 'suspended',
  restore: 'active',
  deactivate: 'deactivated',
};

/** Builds the adapter for one AT&T Telegence account. */
export function createTelegenceAdapter(options: TelegenceAdapterOptions): TelegenceAdapter {
  const settings = TelegenceAdapterSettings.parse(options.settings ?? {});
  const limiter = options.limiter ?? defaultLimiter(telegenceCapabilities);
  const client = createTelegenceClient(options, limiter);
  const directory = new LineDirectory();
  const lines = createLineOps(client, settings, directory);
  const poller = createActivationPoller(client, settings, directory);
  const lineLabel = (device: DeviceRef) =>
    directory.subscriberNumber(device) ?? `for SIM ${device.iccid}`;

  const statusChange = (
    device: DeviceRef,
    action: Exclude<StatusAction, 'activate'>,
  ): LineChange => ({
    body: { mode: settings.modes[action], reasonCode: settings.reasonCodes[action] },
    what: `${action} line ${lineLabel(device)}`,
    applied: (state) => state.status === targetStatus[action],
  });

  return {
    carrier: 'telegence',
    capabilities: telegenceCapabilities,
    pollPolicy: settings.pollPolicy,

    async testConnection() {
      // No "who am I" call exists; reading a placeholder line gets past the credential check.
      const result = await client.call<unknown>({
        method: 'GET',
        url: telegencePaths.line(settings.probeSubscriberNumber),
      });
      if (result.ok || (result.status === 404 && reasonOf(result.data) !== undefined)) {
        return { ok: true };
      }
      return { ok: false, error: result.error };
    },

    async updateStatus(devices, action, statusOptions) {
      if (action === 'activate') return activate(client, settings, devices, statusOptions);
      return Promise.all(
        devices.map((device) => lines.change(device, statusChange(device, action))),
      );
    },

    async changeRatePlan(devices, planCode) {
      return Promise.all(
        devices.map((device) =>
          lines.change(device, {
            body: { serviceCharacteristic: [{ name: 'singleUserCode', value: planCode }] },
            what: `move line ${lineLabel(device)} to rate plan ${planCode}`,
            applied: (state) => state.ratePlan === planCode,
          }),
        ),
      );
    },

    async changeIdentifier(device: DeviceRef, swap: IdentifierSwap): Promise<DeviceOutcome> {
      const characteristics = [
        ...(swap.newIccid ? [{ name: 'sim', value: swap.newIccid }] : []),
        ...(swap.newImei ? [{ name: 'IMEI', value: swap.newImei }] : []),
      ];
      if (characteristics.length === 0) {
        const error = carrierError('validation', 'Give a new ICCID, a new IMEI, or both.');
        return { kind: 'failed', device, error };
      }
      const what = swap.newIccid
        ? `move line ${lineLabel(device)} to SIM ${swap.newIccid}`
        : `change the IMEI on line ${lineLabel(device)}`;
      return lines.change(device, {
        body: { serviceCharacteristic: characteristics },
        what,
        applied: (state) =>
          (!swap.newIccid || state.iccid === swap.newIccid) &&
          (!swap.newImei || state.imei === swap.newImei),
        simInQuestion: swap.newIccid,
      });
    },

    getDeviceState: (device) => lines.read(device),

    pollRequest: (carrierRequestId, device) => poller.poll(carrierRequestId, device),

    async fetchRatePlans() {
      return {
        ok: false,
        error: carrierError(
          'unsupported',
          `${CARRIER_NAME} does not publish a rate-plan catalog the console can fetch. Enter plan ` +
            'codes (single user codes) as AT&T gave them to you.',
        ),
      };
    },

    async close() {
      poller.clear();
      directory.clear();
    },
  };
}
