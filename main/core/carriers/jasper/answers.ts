import { z } from 'zod';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** Get Device Details (reference §2.2): the fields the console reads. */
export const DeviceDetails = z.object({
  iccid: z.string().min(1),
  status: z.string().min(1),
  imei: optionalText,
  msisdn: optionalText,
  ratePlan: optionalText,
  communicationPlan: optionalText,
});

/** Edit Device Details succeeds only with the ICCID echoed back, as production clients check. */
export const EditAnswer = z.object({ iccid: z.string().min(1) });

/** One page of Search Devices (reference §2.4). */
export const SearchPage = z.object({
  devices: z.array(
    z.object({
      iccid: z.string().min(1),
      status: z.string().min(1),
      ratePlan: optionalText,
      communicationPlan: optionalText,
    }),
  ),
  pageNumber: z.number().int().optional(),
  lastPage: z.boolean(),
});
export type SearchPage = z.infer<typeof SearchPage>;

/** Where the REST API lives under an account's address, whether or not the user typed the path. */
export function restBase(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').replace(/\/rws\/api(\/v1)?$/, '')}/rws/api/v1`;
}
