import axios, { type AxiosInstance } from 'axios';
import type { DeviceStatus } from '../../../../shared/domain/devices';
import {
  createJasperAdapter,
  type JasperAdapter,
} from '../../../../main/core/carriers/jasper/adapter';
import type { Exchange } from '../../../../main/core/carriers/http/client';
import type { Limiter } from '../../../../main/core/carriers/limiter';
import type { DeviceRef } from '../../../../main/core/carriers/types';
import type { FaultInput } from '../../../../main/core/simulators/common/faults';
import type { SimDevice } from '../../../../main/core/simulators/common/setup';
import {
  startJasperSimulator,
  type JasperSettingsInput,
  type JasperSimulator,
} from '../../../../main/core/simulators/jasper';
import { demoIccid, demoImei, demoMsisdn } from '../../../../main/core/workspace/demoDevices';

export const credentials = { username: 'desk-test-user', apiKey: 'cc-test-key-7f3a9b21' };
export const wrongCredentials = { username: 'desk-test-user', apiKey: 'cc-wrong-key-0000' };
/** What the Authorization header carries: as secret as the key itself. */
export const basicToken = Buffer.from(`${credentials.username}:${credentials.apiKey}`).toString(
  'base64',
);
export const plans = {
  current: 'IOT_5MB_POOL',
  other: 'IOT_50MB_POOL',
  unknown: 'IOT_NO_SUCH_PLAN',
};
export const communicationPlans = { current: 'Data Only - LTE', other: 'Data + SMS - LTE' };

const PREFIX = '8901170';
const device = (index: number, status: DeviceStatus): SimDevice => ({
  iccid: demoIccid(PREFIX, index),
  imei: demoImei(index),
  msisdn: demoMsisdn(index),
  status,
  ratePlan: plans.current,
  communicationPlan: communicationPlans.current,
});

export interface JasperRun {
  jasper: JasperSimulator;
  adapter(options?: {
    wrongCredentials?: boolean;
    timeoutMs?: number;
    limiter?: Limiter;
    onExchange?: (exchange: Exchange) => void;
    baseUrl?: string;
  }): JasperAdapter;
  devices: { active: DeviceRef[]; suspended: DeviceRef[]; inventory: DeviceRef[] };
  /** Further active devices, when a test asked for a bigger inventory. */
  extra: DeviceRef[];
  fresh: { iccid: string; imei: string };
  /** Plain HTTP straight at the simulator, for what the adapter never sends. */
  raw: AxiosInstance;
}

const opened: { close(): Promise<void> }[] = [];

/** Closes every simulator and adapter the harness started; call from afterEach. */
export async function closeAll(): Promise<void> {
  for (const thing of opened.splice(0).reverse()) await thing.close();
}

/** A Control Center simulator with 8 active, 3 suspended and 3 inventory SIMs (+ `extra` active). */
export async function startJasper(
  options: { faults?: FaultInput; settings?: JasperSettingsInput; extra?: number } = {},
): Promise<JasperRun> {
  const seeded = [
    ...Array.from({ length: 8 }, (_, i) => device(i, 'active')),
    ...Array.from({ length: 3 }, (_, i) => device(8 + i, 'suspended')),
    ...Array.from({ length: 3 }, (_, i) => device(11 + i, 'inventory')),
    ...Array.from({ length: options.extra ?? 0 }, (_, i) => device(100 + i, 'active')),
  ];
  const jasper = await startJasperSimulator({
    credentials,
    devices: seeded,
    ratePlans: [
      { code: plans.current, name: 'IoT 5 MB Pooled' },
      { code: plans.other, name: 'IoT 50 MB Pooled' },
    ],
    seed: 7,
    faults: options.faults,
    settings: {
      ...options.settings,
      communicationPlans: [
        communicationPlans.other,
        ...(options.settings?.communicationPlans ?? []),
      ],
    },
  });
  opened.push(jasper.sim);
  const refs = (from: number, to: number) =>
    seeded.slice(from, to).map(({ iccid, imei, msisdn }) => ({ iccid, imei, msisdn }));
  return {
    jasper,
    adapter: (adapterOptions = {}) => {
      const adapter = createJasperAdapter({
        baseUrl: adapterOptions.baseUrl ?? jasper.sim.url,
        credentials: adapterOptions.wrongCredentials ? wrongCredentials : credentials,
        timeoutMs: adapterOptions.timeoutMs,
        limiter: adapterOptions.limiter,
        onExchange: adapterOptions.onExchange,
      });
      opened.push(adapter);
      return adapter;
    },
    devices: { active: refs(0, 8), suspended: refs(8, 11), inventory: refs(11, 14) },
    extra: refs(14, seeded.length),
    fresh: { iccid: demoIccid(PREFIX, 9_999), imei: demoImei(9_999) },
    raw: axios.create({
      baseURL: `${jasper.sim.url}/rws/api/v1`,
      auth: { username: credentials.username, password: credentials.apiKey },
      validateStatus: () => true,
    }),
  };
}
