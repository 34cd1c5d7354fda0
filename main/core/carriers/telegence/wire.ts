import { z } from 'zod';

/** Telegence's shapes as far as partner code shows them (carrier-apis.md §3.3–3.4). */
const Characteristic = z.object({ name: z.string(), value: z.string().nullish() });
type Characteristic = z.infer<typeof Characteristic>;

export const ActivationResult = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  interactionStatus: z.string().nullish(),
  interactionDateComplete: z.string().nullish(),
  service: z
    .object({
      name: z.string().nullish(),
      status: z.string().nullish(),
      subscriberNumber: z.string().nullish(),
      error: z.unknown().optional(),
      serviceCharacteristic: z.array(Characteristic).nullish(),
    })
    .nullish(),
});
export type ActivationResult = z.infer<typeof ActivationResult>;
export const ActivationResults = z.array(ActivationResult);

export const LineDetail = z.object({
  subscriberNumber: z.string().nullish(),
  /** Only set on the odd eSIM answer, `"/service/"`. */
  name: z.string().nullish(),
  serviceCharacteristic: z.array(Characteristic).nullish(),
});
export type LineDetail = z.infer<typeof LineDetail>;

/** The value of a named characteristic, or null. */
export const characteristic = (
  list: readonly Characteristic[] | null | undefined,
  name: string,
): string | null => list?.find((c) => c.name === name)?.value ?? null;

/** The literal service name AT&T answers when a physical SIM needs an eSIM profile. */
export const ESIM_REQUIRED_NAME = '/service/';

/** The documented paths (the Itential AT&T Mobility adapter, carrier-apis.md §3.2). */
export const telegencePaths = {
  activations: '/sp/mobilityactivations/api/v1/serviceactivation',
  line: (subscriberNumber: string) =>
    `/sp/mobility/lineconfig/api/v1/service/${encodeURIComponent(subscriberNumber)}`,
} as const;
