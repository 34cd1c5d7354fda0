import { z } from 'zod';
import type { Route, SimRequest, SimResponse } from '../common/router';
import { distributorRoute, type PondContext } from './context';
import { PackageStatus } from './state';
import { deviceNotFound, listPage, packageBody, packageTypeBody, pondError } from './wire';

const AddPackage = z.object({ PackageTypeId: z.union([z.string().min(1), z.number()]) });
const UpdatePackageStatus = z.object({ PackageStatus: z.string() });

/** Packages are POND's rate plans: list a SIM's packages, add one, move one; list package types. */
export function packageRoutes(context: PondContext): Route[] {
  const { settings, inventory } = context;
  const { paths } = settings;

  function addPackage(request: SimRequest): SimResponse {
    const iccid = request.params.iccid!;
    const device = inventory.devices.get(iccid);
    if (!device) return deviceNotFound(iccid);
    const parsed = AddPackage.safeParse(request.body);
    if (!parsed.success)
      return pondError(400, 'INVALID_REQUEST', 'The body must be {"PackageTypeId": …}.');
    const code = String(parsed.data.PackageTypeId);
    if (!inventory.packageType(code))
      return pondError(400, 'PACKAGE_TYPE_NOT_FOUND', `Package type ${code} does not exist.`);
    const rejection = context.deviceFailure(iccid);
    if (rejection) return pondError(400, 'REQUEST_REJECTED', rejection);
    if (device.lifecycle === 'TERMINATED')
      return pondError(
        400,
        'DEVICE_TERMINATED',
        `SIM ${iccid} is terminated; packages can't be added to it.`,
      );
    const added = inventory.addPackage(iccid, code);
    context.applied(iccid, `add_package:${code}`);
    return { status: 200, body: packageBody(added, inventory) };
  }

  function updatePackageStatus(request: SimRequest): SimResponse {
    const pkg = inventory.package(Number(request.params.packageId));
    if (!pkg) return pondError(404, 'PACKAGE_NOT_FOUND', `No package ${request.params.packageId}.`);
    const parsed = UpdatePackageStatus.safeParse(request.body);
    const to = PackageStatus.find((status) => status === parsed.data?.PackageStatus);
    if (!to)
      return pondError(
        400,
        'INVALID_PACKAGE_STATUS',
        `PackageStatus must be one of ${PackageStatus.join(', ')}.`,
      );
    if (!inventory.canMove(pkg, to))
      return pondError(
        400,
        'PACKAGE_STATUS_TRANSITION_NOT_ALLOWED',
        `Package ${pkg.id} is ${pkg.status} and can't be set to ${to}.`,
      );
    const otherActive = inventory
      .packagesOf(pkg.iccid)
      .find((other) => other.id !== pkg.id && other.status === 'ACTIVE');
    if (to === 'ACTIVE' && settings.singleActivePackage && otherActive)
      return pondError(
        400,
        'ACTIVE_PACKAGE_EXISTS',
        `SIM ${pkg.iccid} already has active package ${otherActive.id}; terminate it first.`,
      );
    inventory.movePackage(pkg, to);
    context.applied(pkg.iccid, `package:${pkg.id}:${to}`);
    return { status: 200, body: packageBody(pkg, inventory) };
  }

  return [
    distributorRoute(context, 'GET', paths.listPackages, (request) => {
      const iccid = request.params.iccid!;
      if (!inventory.devices.has(iccid)) return deviceNotFound(iccid);
      const packages = inventory.packagesOf(iccid).map((pkg) => packageBody(pkg, inventory));
      return listPage(request, packages, settings);
    }),
    distributorRoute(context, 'POST', paths.addPackage, addPackage),
    distributorRoute(context, 'POST', paths.packageStatus, updatePackageStatus),
    distributorRoute(context, 'GET', paths.packageTypes, (request) =>
      listPage(request, inventory.packageTypes.map(packageTypeBody), settings),
    ),
  ];
}
