import { z } from 'zod';
import { carrierStatusWords } from '../../carriers/statuses';
import type { Route, SimRequest, SimResponse } from '../common/router';
import { distributorRoute, routePath, type PondContext } from './context';
import { statusWord } from './state';
import { deviceNotFound, deviceStatusBody, listPage, pondError } from './wire';

const words = carrierStatusWords.pond;
const ServiceUpdate = z.object({ Services: z.record(z.string(), z.boolean()) });

/** Device service status (GET the flags, POST enable-all/disable-all), the device list, and purge. */
export function deviceRoutes(context: PondContext): Route[] {
  const { settings, inventory } = context;
  const { paths } = settings;

  function updateServices(request: SimRequest): SimResponse {
    const iccid = request.params.iccid!;
    const device = inventory.devices.get(iccid);
    if (!device) return deviceNotFound(iccid);
    const parsed = ServiceUpdate.safeParse(request.body);
    const flags = settings.serviceFlags;
    if (
      !parsed.success ||
      flags.some((flag) => !(flag in parsed.data.Services)) ||
      Object.keys(parsed.data.Services).some((flag) => !flags.includes(flag))
    )
      return pondError(
        400,
        'INVALID_REQUEST',
        `The body must be {"Services": {…}} with a true/false value for each of ${flags.join(', ')}.`,
      );
    const rejection = context.deviceFailure(iccid);
    if (rejection) return pondError(400, 'REQUEST_REJECTED', rejection);
    if (device.lifecycle === 'TERMINATED')
      return pondError(
        400,
        'DEVICE_TERMINATED',
        `SIM ${iccid} is terminated; its services can't be enabled or disabled.`,
      );
    const wanted = parsed.data.Services;
    const enabling = Object.values(wanted).some(Boolean);
    if (device.lifecycle !== 'IN_SERVICE' && !enabling)
      return pondError(
        400,
        'DEVICE_NOT_ACTIVATED',
        `SIM ${iccid} has never been activated, so there are no services to disable.`,
      );
    const before = statusWord(device);
    const flagsBefore = JSON.stringify(device.services);
    device.services = Object.fromEntries(flags.map((flag) => [flag, wanted[flag]!]));
    if (enabling) device.lifecycle = 'IN_SERVICE';
    const after = statusWord(device);
    if (before !== after) {
      const fromStock = before === words.inventory || before === words.pending;
      context.applied(
        iccid,
        fromStock ? 'activate' : after === words.active ? 'restore' : 'suspend',
      );
    } else if (JSON.stringify(device.services) !== flagsBefore) {
      context.applied(iccid, 'services');
    }
    return { status: 200, body: deviceStatusBody(device, settings) };
  }

  return [
    distributorRoute(context, 'GET', paths.deviceStatus, (request) => {
      const device = inventory.devices.get(request.params.iccid!);
      return device
        ? { status: 200, body: deviceStatusBody(device, settings) }
        : deviceNotFound(request.params.iccid!);
    }),
    distributorRoute(context, 'POST', paths.deviceStatus, updateServices),
    distributorRoute(context, 'GET', paths.devices, (request) =>
      listPage(
        request,
        [...inventory.devices.values()].map((device) => ({
          ICCID: device.iccid,
          IMEI: device.imei,
          MSISDN: device.msisdn,
          Status: statusWord(device),
        })),
        settings,
      ),
    ),
    {
      // Purge carries its own token instead of the API key and is not under the distributor.
      method: 'DELETE',
      path: routePath(paths.purge),
      handler: (request) => {
        context.countAuthAttempt();
        if (request.headers.authorization !== `Bearer ${settings.purgeToken}`)
          return pondError(401, 'UNAUTHORIZED', settings.unauthorizedMessage);
        const iccid = request.params.iccid!;
        if (!inventory.devices.has(iccid)) return deviceNotFound(iccid);
        inventory.purge(iccid);
        context.applied(iccid, 'purge');
        return { status: 200, body: { ICCID: iccid, Purged: true } };
      },
    },
  ];
}
