import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditLog } from '../audit/auditLog';
import type { Exchange } from '../carriers/http/client';

interface CallContext {
  bulkChangeId: number;
  deviceChangeIds: number[];
}

/**
 * Ties each carrier exchange to the device changes it was made for. Adapters know nothing of
 * bulk changes, so the engine runs every carrier call inside this context.
 */
export class AuditTrail {
  private readonly context = new AsyncLocalStorage<CallContext>();

  constructor(
    private readonly audit: AuditLog,
    private readonly processedBy: string,
  ) {}

  within<T>(bulkChangeId: number, deviceChangeIds: number[], call: () => Promise<T>): Promise<T> {
    return this.context.run({ bulkChangeId, deviceChangeIds }, call);
  }

  /** One entry per exchange; a batch's exchange names the device changes it carried. */
  recordExchange(exchange: Exchange): void {
    const call = this.context.getStore();
    if (!call) return;
    const single = call.deviceChangeIds.length === 1 ? call.deviceChangeIds[0]! : null;
    const http =
      exchange.status === null
        ? `no answer (${exchange.error ?? 'network'})`
        : `HTTP ${exchange.status}`;
    const batch = single === null ? ` for device changes ${call.deviceChangeIds.join(', ')}` : '';
    const entry = {
      bulkChangeId: call.bulkChangeId,
      deviceChangeId: single,
      requestText: `${exchange.method} ${exchange.url}\n${JSON.stringify(exchange.requestHeaders)}\n${exchange.requestBody ?? ''}`,
      responseText: exchange.responseBody,
      hasErrors: exchange.status === null || exchange.status >= 400,
      responseStatus: `${http} in ${exchange.durationMs} ms${batch}`,
      processedBy: this.processedBy,
      processedAt: exchange.at,
    };
    try {
      this.audit.append(entry);
    } catch (error) {
      // The request has already gone: never turn a log refusal into a failed carrier call.
      console.error('audit: an exchange was refused by the secret guard', (error as Error).message);
      this.audit.append({
        ...entry,
        requestText: '[withheld: looked like it held a secret]',
        responseText: '[withheld]',
        hasErrors: true,
      });
    }
  }

  /** The outcome of one device change, written in the same transaction as its status. */
  recordOutcome(
    bulkChangeId: number,
    deviceChangeId: number,
    status: string,
    detail: unknown,
    hasErrors: boolean,
  ): void {
    this.audit.append({
      bulkChangeId,
      deviceChangeId,
      requestText: null,
      responseText: detail === undefined ? null : JSON.stringify(detail),
      hasErrors,
      responseStatus: status,
      processedBy: this.processedBy,
    });
  }
}
