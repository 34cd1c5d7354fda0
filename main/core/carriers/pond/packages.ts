import { z } from 'zod';
import type { PondClient, PondResult } from './client';
import { AddedPackage, PondPackage, type PackageStatus } from './schemas';
import { packageTypeIdOnWire } from './wire';

/** Every package a SIM has had, in POND's order. */
export function listPackages(
  client: PondClient,
  iccid: string,
): Promise<PondResult<PondPackage[]>> {
  return client.listAll(client.path('listPackages', { iccid }), PondPackage);
}

/** Adds a package of the given type; POND answers with the new package, PENDING. */
export async function addPackage(
  client: PondClient,
  iccid: string,
  typeCode: string,
): Promise<PondResult<PondPackage>> {
  const added = await client.post(
    client.path('addPackage', { iccid }),
    { PackageTypeId: packageTypeIdOnWire(typeCode) },
    AddedPackage,
  );
  return added.ok ? { ok: true, value: { ...added.value, PackageTypeId: typeCode } } : added;
}

/**
 * Moves a package (PENDING→ACTIVE, ACTIVE→TERMINATED, PENDING→TERMINATED). Any 2xx is success:
 * the production client never reads this answer's body either.
 */
export function setPackageStatus(
  client: PondClient,
  packageId: string,
  status: PackageStatus,
): Promise<PondResult<unknown>> {
  return client.post(
    client.path('packageStatus', { packageId }),
    { PackageStatus: status },
    z.unknown(),
  );
}
