import { z } from 'zod';
import type { PondCredentials } from '../../../../shared/domain/credentials';
import { defaultLimiter, type AdapterOptions } from '../adapterOptions';
import { carrierError, unsupported } from '../errors';
import type {
  CarrierAdapter,
  CarrierCapabilities,
  DeviceOutcome,
  DeviceRef,
  StatusAction,
} from '../types';
import { createPondClient } from './client';
import { POND } from './errors';
import { listPackages } from './packages';
import { changePackage } from './planChange';
import { PondDeviceStatus, PondPackageType, pondPage } from './schemas';
import { pondStatus } from './statusMap';
import { pondWire, type PondWireOverrides } from './wire';

/**
 * POND changes are synchronous and one SIM per call. No POND rate limit is documented; the lane
 * defaults to the sandbox account's 5 calls/s, 2 at a time. Deactivation is left out: on POND
 * it is a purge that deletes the SIM, behind a separate token the console does not hold.
 */
export const pondCapabilities: CarrierCapabilities = {
  changeTypes: ['statusUpdate', 'carrierRatePlanChange'],
  statusActions: ['activate', 'suspend', 'restore'],
  maxDevicesPerCall: 1,
  completion: 'sync',
  defaultConcurrency: 2,
  defaultRatePerSecond: 5,
  identifierChanges: [],
  ratePlanCatalog: true,
  activationNeeds: [],
  requestFor: (op) =>
    op === 'ratePlan'
      ? 'POST /{distributorId}/devices/{iccid}/packages'
      : 'POST /{distributorId}/devices/{iccid}/status',
};

/** The POND IoT adapter: API key per request, URLs under the distributor, packages as rate plans. */
export function createPondAdapter(
  options: AdapterOptions<PondCredentials> & { wire?: PondWireOverrides },
): CarrierAdapter {
  const wire = pondWire(options.wire);
  const client = createPondClient({
    baseUrl: options.baseUrl,
    credentials: options.credentials,
    wire,
    limiter: options.limiter ?? defaultLimiter(pondCapabilities),
    timeoutMs: options.timeoutMs,
    onExchange: options.onExchange,
  });

  // POND's status update is one switch for every service: enable all, or disable all.
  async function setServices(device: DeviceRef, enabled: boolean): Promise<DeviceOutcome> {
    const services = Object.fromEntries(wire.serviceFlags.map((flag) => [flag, enabled]));
    const result = await client.post(
      client.path('deviceStatus', { iccid: device.iccid }),
      { Services: services },
      z.unknown(),
    );
    return result.ok ? { kind: 'done', device } : { kind: 'failed', device, error: result.error };
  }

  const adapter: CarrierAdapter = {
    carrier: 'pond',
    capabilities: pondCapabilities,

    async testConnection() {
      const result = await client.get(client.path('packageTypes'), pondPage(PondPackageType), {
        offset: 0,
        count: 1,
      });
      return result.ok ? { ok: true } : { ok: false, error: result.error };
    },

    async updateStatus(devices: DeviceRef[], action: StatusAction) {
      if (action === 'deactivate')
        return unsupported(
          devices,
          'deactivation from the console: on POND it is a purge that deletes the SIM for good and needs a separate purge token. Suspend the line instead, or purge it in the POND portal',
          POND,
        );
      return Promise.all(devices.map((device) => setServices(device, action !== 'suspend')));
    },

    changeRatePlan(devices, planCode) {
      return Promise.all(
        devices.map(async (device): Promise<DeviceOutcome> => {
          const result = await changePackage(client, device.iccid, planCode);
          return result.ok
            ? { kind: 'done', device }
            : { kind: 'failed', device, error: result.error };
        }),
      );
    },

    async changeIdentifier(device) {
      return unsupported([device], 'ICCID or IMEI swaps: its API has no call for them', POND)[0]!;
    },

    async getDeviceState(device) {
      const answer = await client.get(
        client.path('deviceStatus', { iccid: device.iccid }),
        PondDeviceStatus,
      );
      if (!answer.ok) return { ok: false, error: answer.error };
      const packages = await listPackages(client, device.iccid);
      if (!packages.ok) return { ok: false, error: packages.error };
      // Mid-change a line can briefly hold two ACTIVE packages; the newest is the plan it moves to.
      const active = packages.value.filter((pkg) => pkg.Status === 'ACTIVE').at(-1);
      return {
        ok: true,
        state: {
          iccid: device.iccid,
          imei: answer.value.IMEI ?? device.imei ?? null,
          msisdn: answer.value.MSISDN ?? device.msisdn ?? null,
          ...pondStatus(answer.value),
          ratePlan: active?.PackageTypeId ?? null,
          communicationPlan: null,
        },
      };
    },

    async pollRequest() {
      return {
        kind: 'failed',
        error: carrierError(
          'unsupported',
          `${POND} answers every change at once; there is nothing to poll.`,
        ),
      };
    },

    async fetchRatePlans() {
      const types = await client.listAll(client.path('packageTypes'), PondPackageType);
      if (!types.ok) return { ok: false, error: types.error };
      return {
        ok: true,
        plans: types.value.map((type) => ({ code: type.PackageTypeId, name: type.Name })),
      };
    },

    async close() {
      // Per-request keys and a shared lane: nothing of ours to release.
    },
  };
  return adapter;
}
