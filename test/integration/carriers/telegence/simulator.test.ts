import axios, { type AxiosInstance } from 'axios';
import { describe, expect, it } from 'vitest';
import { telegenceRuns, type TelegenceRun } from './harness';

const runs = telegenceRuns();

/** Raw HTTP as another client of the simulated API would send it. */
const client = (run: TelegenceRun): AxiosInstance =>
  axios.create({
    baseURL: run.sim.url,
    headers: { 'app-id': 'test-app-id', 'app-secret': run.secrets[0]! },
    validateStatus: () => true,
  });

describe('Telegence simulator: subscriber list', () => {
  it('pages lines by request headers and leaves cancelled lines out', async () => {
    const run = await runs.start();
    const http = client(run);
    const path = run.telegence.settings().paths.subscriberList;
    const first = await http.get(path, { headers: { 'current-page': '1', 'page-size': '5' } });
    const last = await http.get(path, { headers: { 'current-page': '3', 'page-size': '5' } });
    expect(first.status).toBe(200);
    // 8 active and 3 suspended lines; the cancelled one is not listed.
    expect(first.headers['page-total']).toBe('3');
    expect(Date.parse(String(first.headers['refresh-timestamp']))).not.toBeNaN();
    expect(first.data).toHaveLength(5);
    expect(last.data).toHaveLength(1);
    expect(first.data[0]).toEqual({
      foundationAccountNumber: expect.any(String),
      billingAccountNumber: expect.any(String),
      subscriberNumber: run.devices.active[0]!.msisdn,
      subscriberNumberStatus: 'A',
    });
  });
});

describe('Telegence simulator: static IP provisioning', () => {
  it('hands out addresses, takes at most 10 subscribers, and reports the batch id only in text', async () => {
    const run = await runs.start();
    const http = client(run);
    const { paths } = run.telegence.settings();
    const addresses = await http.post(paths.ipAddresses, { pdpName: 'IOT.APN', ipQuantity: 10 });
    expect(addresses.data.ipAddresses).toHaveLength(10);

    const subscriber = (i: number) => ({
      subscriberNumber: run.devices.active[i % 8]!.msisdn,
      ipAddressRecord: { ipAddress: addresses.data.ipAddresses[i % 10] },
      lteIndicator: 'Y',
      defaultAPNIndicator: 'N',
      accessPointName: 'IOT.APN',
      effectiveDate: '2026-01-01Z',
    });
    const request = (count: number) => ({
      pdpName: 'IOT.APN',
      billingAccountNumber: run.telegence.settings().billingAccountNumber,
      subscriber: Array.from({ length: count }, (_, i) => subscriber(i)),
    });
    const tooMany = await http.post(paths.ipProvisioning, request(11));
    expect(tooMany.status).toBe(400);

    const submitted = await http.post(paths.ipProvisioning, request(2));
    expect(submitted.status).toBe(200);
    const batchId = String(submitted.data.message).split(/\s+/).pop()!;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);

    const status = () => http.get(paths.ipProvisioningStatus, { headers: { 'batch-id': batchId } });
    expect((await status()).data[0]).toMatchObject({
      batchId,
      profileCheck: 'In Progress',
      ipReservation: 'Pending',
      profileUpdate: 'Pending',
    });
    run.sim.clock.advance(3 * run.telegence.settings().ipStepMs);
    const finished = await status();
    expect(finished.data).toHaveLength(2);
    expect(finished.data[0]).toMatchObject({
      subscriberNumber: run.devices.active[0]!.msisdn,
      profileCheck: 'Success',
      ipReservation: 'Reserved',
      profileUpdate: 'Complete',
      ipAddressRecord: { ipAddress: addresses.data.ipAddresses[0] },
    });
    expect(run.telegence.line(run.devices.active[0]!.msisdn!)?.ipAddress).toBe(
      addresses.data.ipAddresses[0],
    );
    const bySubscriber = await http.get(paths.ipProvisioningStatus, {
      headers: { 'subscriber-number': run.devices.active[1]!.msisdn! },
    });
    expect(bySubscriber.data).toHaveLength(1);
    expect((await http.get(paths.ipProvisioningStatus)).status).toBe(400);
  });
});
