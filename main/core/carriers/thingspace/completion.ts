import type { DeviceRef, PollResult } from '../types';
import type { ThingSpaceCall } from './api';
import { readDevice } from './devices';
import { ruleFailure, silentFailure } from './errors';
import type { RequestRef } from './requestRef';
import { RequestStatusResponse } from './wire';

/**
 * Completion of an accepted change via the request-status call. If ThingSpace won't give the
 * status of a plan or ID change (it documents it only for the four status actions), the
 * change is complete once the device list shows it.
 */
export async function pollRequest(
  call: ThingSpaceCall,
  accountName: string,
  { requestId, expect }: RequestRef,
  device: DeviceRef,
): Promise<PollResult> {
  const result = await call(
    {
      method: 'GET',
      url: `/api/m2m/v1/accounts/${encodeURIComponent(accountName)}/requests/${encodeURIComponent(requestId)}/status`,
    },
    RequestStatusResponse,
  );
  if (!result.ok) {
    if (expect && result.error.code === 'validation')
      return completedOnList(call, accountName, expect, device);
    return { kind: 'failed', error: result.error };
  }
  const status = result.data.status.toLowerCase();
  if (status === 'success') return { kind: 'done' };
  if (status === 'failure' || status === 'failed') {
    const reason = result.data.faultResponse?.faultstring;
    return { kind: 'failed', error: reason ? ruleFailure(reason) : silentFailure() };
  }
  return { kind: 'pending' };
}

async function completedOnList(
  call: ThingSpaceCall,
  accountName: string,
  expect: NonNullable<RequestRef['expect']>,
  device: DeviceRef,
): Promise<PollResult> {
  const read =
    expect.kind === 'plan'
      ? await readDevice(call, accountName, { id: device.iccid, kind: 'iccid' })
      : await readDevice(call, accountName, { id: expect.value, kind: expect.kind });
  if (!read.ok)
    return read.error.code === 'not_found' && expect.kind !== 'plan'
      ? { kind: 'pending' }
      : { kind: 'failed', error: read.error };
  if (expect.kind === 'plan' && read.state.ratePlan !== expect.value) return { kind: 'pending' };
  return { kind: 'done', state: read.state };
}
