import type { Db } from '../store/open';
import { cached } from '../store/statements';

/** The service code a revenue customer's new services get when the desk gives none. */
export const defaultServiceCode = (revCustomerId: string): string => `${revCustomerId}-M2M`;

/** Active revenue services of a device (normally at most one). */
export function activeServices(
  db: Db,
  deviceId: number,
): { customerId: number; serviceCode: string }[] {
  return cached(
    db,
    `SELECT customer_id AS customerId, service_code AS serviceCode FROM revenue_services
       WHERE device_id = ? AND status = 'active' ORDER BY id`,
  ).all(deviceId) as { customerId: number; serviceCode: string }[];
}

/** Today on this computer's calendar, as the effective date of a new service. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Brings a device's revenue services in line with its new customer: services billed to any
 * other customer are disconnected, and when `serviceCode` is given every earlier active
 * service is disconnected and a new active one starts today.
 */
export function settleRevenueServices(
  db: Db,
  deviceId: number,
  customerId: number,
  serviceCode: string | null,
): void {
  cached(
    db,
    `UPDATE revenue_services SET status = 'disconnected'
     WHERE device_id = @deviceId AND status = 'active' AND (customer_id <> @customerId OR @creating = 1)`,
  ).run({ deviceId, customerId, creating: serviceCode === null ? 0 : 1 });
  if (serviceCode === null) return;
  cached(
    db,
    `INSERT INTO revenue_services (customer_id, device_id, service_code, status, effective_date)
     VALUES (?, ?, ?, 'active', ?)`,
  ).run(customerId, deviceId, serviceCode, localToday());
}
