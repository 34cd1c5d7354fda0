import type { SimRequest, SimResponse } from '../common/router';
import type { TelegenceSimContext } from './context';
import type { IpBatch } from './state';

/** The static-IP service answers errors as `{message}` (partner code reads `Message`). */
const ipError = (status: number, message: string): SimResponse => ({ status, body: { message } });

/** POST ip addresses `{pdpName, ipQuantity}`: hands out that many addresses from the pool. */
export function requestIpAddresses(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const body = (request.body ?? {}) as { pdpName?: unknown; ipQuantity?: unknown };
  const quantity = Number(body.ipQuantity);
  if (typeof body.pdpName !== 'string' || body.pdpName.trim() === '') {
    return ipError(400, 'pdpName is required');
  }
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) {
    return ipError(400, 'ipQuantity must be a whole number from 1 to 100');
  }
  const ipAddresses = Array.from({ length: quantity }, () => ctx.state.newIpAddress());
  return { status: 200, body: { pdpName: body.pdpName, ipAddresses } };
}

interface ProvisioningSubscriber {
  subscriberNumber?: unknown;
  ipAddressRecord?: unknown;
}

const addressOf = (record: unknown): string | undefined =>
  typeof record === 'string'
    ? record
    : typeof (record as { ipAddress?: unknown } | null)?.ipAddress === 'string'
      ? (record as { ipAddress: string }).ipAddress
      : undefined;

/**
 * POST provisioning: at most 10 subscribers [doc]. The batch id only appears as the last word of a
 * human-readable `message`, so clients must parse it out of the text (carrier-apis.md §3.5).
 */
export function submitIpProvisioning(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const max = ctx.settings().maxIpProvisioningPerRequest;
  const body = (request.body ?? {}) as { pdpName?: unknown; subscriber?: unknown };
  if (typeof body.pdpName !== 'string' || !Array.isArray(body.subscriber)) {
    return ipError(400, 'pdpName and a subscriber list are required');
  }
  const subscribers = body.subscriber as ProvisioningSubscriber[];
  if (subscribers.length === 0 || subscribers.length > max) {
    return ipError(400, `Between 1 and ${max} subscribers are allowed per request`);
  }
  const entries: IpBatch['entries'] = [];
  for (const subscriber of subscribers) {
    const number = String(subscriber.subscriberNumber ?? '');
    const line = ctx.state.lines.get(number);
    const ipAddress = addressOf(subscriber.ipAddressRecord);
    if (!line || line.status === 'deactivated') {
      return ipError(400, `Subscriber number ${number} is not an active line`);
    }
    if (!ipAddress) return ipError(400, `ipAddressRecord is required for ${number}`);
    entries.push({ subscriberNumber: number, ipAddress, applied: false });
  }
  const id = ctx.state.newRequestId();
  ctx.state.ipBatches.set(id, { id, submittedAt: request.clock.now(), entries });
  return {
    status: 200,
    body: {
      message: `IP provisioning request submitted successfully, please check the status with the subscriber-number or batch-id: ${id}`,
    },
  };
}

/** Applies each batch's addresses once all three steps have had time to finish. */
export function settleIpBatches(ctx: TelegenceSimContext, now: number): void {
  const done = 3 * ctx.settings().ipStepMs;
  for (const batch of ctx.state.ipBatches.values()) {
    if (now - batch.submittedAt < done) continue;
    for (const entry of batch.entries) {
      const line = ctx.state.lines.get(entry.subscriberNumber);
      if (entry.applied || !line) continue;
      entry.applied = true;
      line.ipAddress = entry.ipAddress;
      ctx.record(line.iccid, 'staticIp');
    }
  }
}

/** GET status, by `batch-id` or `subscriber-number` header [doc]: each step's progress. */
export function ipProvisioningStatus(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const batchId = request.headers['batch-id'];
  const subscriberNumber = request.headers['subscriber-number'];
  if (typeof batchId !== 'string' && typeof subscriberNumber !== 'string') {
    return ipError(400, 'A batch-id or subscriber-number header is required');
  }
  const now = request.clock.now();
  const step = ctx.settings().ipStepMs;
  const rows = [...ctx.state.ipBatches.values()]
    .filter((batch) => typeof batchId !== 'string' || batch.id === batchId)
    .flatMap((batch) => {
      const elapsed = now - batch.submittedAt;
      const reached = (n: number) => elapsed >= n * step;
      return batch.entries
        .filter(
          (e) => typeof subscriberNumber !== 'string' || e.subscriberNumber === subscriberNumber,
        )
        .map((entry) => ({
          subscriberNumber: entry.subscriberNumber,
          batchId: batch.id,
          profileCheck: reached(1) ? 'Success' : 'In Progress',
          ipReservation: reached(2) ? 'Reserved' : 'Pending',
          profileUpdate: reached(3) ? 'Complete' : 'Pending',
          ipAddressRecord: { ipAddress: entry.ipAddress },
        }));
    });
  if (rows.length === 0) return ipError(404, 'No IP provisioning request found');
  return { status: 200, body: rows };
}
