import { z } from 'zod';

/**
 * Where POND serves each call. No POND documentation is public and the only sources disagree
 * (carrier-apis.md §4.3: `devices/{0}/packages` + `packages/{0}/status` in one file,
 * `v1/sim/{0}/package` in another), so every path is a setting. Defaults follow the file that
 * names both package paths. `{distributorId}` is the documented `{base}/{distributorId}/…` shape;
 * purge is the one call the production code sends without it.
 */
export const PondPaths = z.object({
  deviceStatus: z.string().default('{distributorId}/devices/{iccid}/status'),
  listPackages: z.string().default('{distributorId}/devices/{iccid}/packages'),
  addPackage: z.string().default('{distributorId}/devices/{iccid}/packages'),
  packageStatus: z.string().default('{distributorId}/packages/{packageId}/status'),
  packageTypes: z.string().default('{distributorId}/package-types'),
  devices: z.string().default('{distributorId}/devices'),
  purge: z.string().default('purge/{iccid}'),
});
export type PondPaths = z.infer<typeof PondPaths>;

/**
 * Everything POND's simulator does that the public record leaves open ([assumed] in
 * carrier-apis.md §7.4), with the reference's defaults, so the team can re-point it when POND's
 * own documentation arrives.
 */
export const PondSettings = z.object({
  paths: PondPaths.prefault({}),
  /** The API-key header; the production client reads its name from a constants file nobody has seen. */
  apiKeyHeader: z.string().default('x-api-key'),
  unauthorizedMessage: z.string().default('Authorization has been denied for this request.'),
  /** The service flags a device-status call reads and writes; enable-all sets every one. */
  serviceFlags: z.array(z.string().min(1)).min(1).default(['Data', 'Sms', 'Voice']),
  /**
   * Whether the device-status answer also names the status. Without it a client can only
   * derive it from the flags (all enabled = active), as the reference describes.
   */
  reportStatusWord: z.boolean().default(true),
  /** "Default page size from API documentation is 10" (the production client's comment). */
  defaultPageSize: z.number().int().positive().default(10),
  maxPageSize: z.number().int().positive().default(100),
  /** Refuse to activate a package while the ICCID has another ACTIVE one (off by default). */
  singleActivePackage: z.boolean().default(false),
  /** No POND limit is documented; this one is loose enough that the default lane never meets it. */
  rateLimit: z
    .object({
      perSecond: z.number().positive().default(10),
      concurrency: z.number().int().positive().default(4),
      onExceed: z.enum(['throttle', 'count']).default('throttle'),
    })
    .prefault({}),
  /** The separate token the purge call carries instead of the API key. */
  purgeToken: z.string().min(4).default('sandbox-purge-token-not-secret'),
});
export type PondSettings = z.infer<typeof PondSettings>;
export type PondSettingsInput = z.input<typeof PondSettings>;
