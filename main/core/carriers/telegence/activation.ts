import { carrierError, failAll } from '../errors';
import type { DeviceOutcome, DeviceRef, StatusOptions } from '../types';
import type { TelegenceClient } from './client';
import { CARRIER_NAME, refusal, unexpectedAnswer } from './errors';
import type { TelegenceAdapterSettings } from './settings';
import { ActivationResults, telegencePaths } from './wire';

/** One TM Forum-style service object, with the characteristics partner code sends (carrier-apis.md §3.3). */
function serviceObject(
  device: DeviceRef,
  ratePlan: string,
  zipCode: string | undefined,
  billingAccountNumber: string | undefined,
) {
  const characteristics = [
    { name: 'sim', value: device.iccid },
    ...(device.imei ? [{ name: 'IMEI', value: device.imei }] : []),
    { name: 'singleUserCode', value: ratePlan },
    ...(zipCode ? [{ name: 'serviceZipCode', value: zipCode }] : []),
  ];
  return {
    ...(billingAccountNumber ? { billingAccount: { id: billingAccountNumber } } : {}),
    service: {
      serviceSpecification: { id: '12', href: 'Mobility Services' },
      serviceCharacteristic: characteristics,
    },
  };
}

/**
 * Opens new lines: POST serviceactivation in batches of at most 200 [doc]. AT&T answers with one
 * request id per batch (the first element's `id`); every device of the batch is accepted under
 * it and completes by polling.
 */
export async function activate(
  client: TelegenceClient,
  settings: TelegenceAdapterSettings,
  devices: DeviceRef[],
  options: StatusOptions | undefined,
): Promise<DeviceOutcome[]> {
  const ratePlan = options?.ratePlan?.trim();
  if (!ratePlan) {
    return failAll(
      devices,
      carrierError(
        'validation',
        `${CARRIER_NAME} needs a rate plan (single user code) to activate a line. Choose one and try again.`,
      ),
    );
  }
  const batches: DeviceRef[][] = [];
  for (let i = 0; i < devices.length; i += settings.maxActivationsPerRequest) {
    batches.push(devices.slice(i, i + settings.maxActivationsPerRequest));
  }
  const outcomes = await Promise.all(
    batches.map(async (batch): Promise<DeviceOutcome[]> => {
      const result = await client.call<unknown>({
        method: 'POST',
        url: telegencePaths.activations,
        data: batch.map((device) =>
          serviceObject(device, ratePlan, options?.zipCode, settings.billingAccountNumber),
        ),
      });
      const accepted = result.status !== undefined && result.status < 300;
      if (!result.ok && !accepted) {
        return failAll(batch, refusal(result.error, `activate ${batch.length} SIM(s)`));
      }
      const parsed = ActivationResults.safeParse(result.ok ? result.data : undefined);
      const id = parsed.success ? parsed.data[0]?.id : undefined;
      if (id === undefined || id === null || String(id).trim() === '') {
        // Accepted but without an id to poll: resending could open second lines, so don't.
        return failAll(batch, unexpectedAnswer(`the activation of ${batch.length} SIM(s)`, false));
      }
      return batch.map((device) => ({ kind: 'accepted', device, carrierRequestId: String(id) }));
    }),
  );
  return outcomes.flat();
}
