import { z } from 'zod';

/** POND ids arrive as numbers (the production client's longs) or strings; we keep them as strings. */
const Id = z.union([z.string().min(1), z.number()]).transform(String);

/** The package statuses POND uses (carrier-apis.md §4.2–§4.3). */
export const PackageStatus = z.enum(['PENDING', 'ACTIVE', 'TERMINATED']);
export type PackageStatus = z.infer<typeof PackageStatus>;

export const PondPackage = z.object({ PackageId: Id, PackageTypeId: Id, Status: z.string() });
export type PondPackage = z.infer<typeof PondPackage>;

/** The add-package answer: the production client reads only these two fields. */
export const AddedPackage = z.object({ PackageId: Id, Status: z.string() });

export const PondPackageType = z.object({ PackageTypeId: Id, Name: z.string() });

/** Every POND list: one page of `Elements` plus `Total` and `IsLastPage`. */
export const pondPage = <Item extends z.ZodType>(item: Item) =>
  z.object({ Elements: z.array(item), Total: z.number(), IsLastPage: z.boolean() });

export const PondDeviceStatus = z.object({
  ICCID: z.string().optional(),
  IMEI: z.string().nullish(),
  MSISDN: z.string().nullish(),
  Status: z.string().optional(),
  Services: z.record(z.string(), z.boolean()),
});
export type PondDeviceStatus = z.infer<typeof PondDeviceStatus>;

/** POND's error body [assumed]: `{ErrorCode, Message}`. */
export const PondErrorBody = z.object({
  ErrorCode: z.string().optional(),
  Message: z.string().optional(),
});
