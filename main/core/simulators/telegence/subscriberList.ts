import type { SimRequest, SimResponse } from '../common/router';
import type { TelegenceSimContext } from './context';
import { telegenceError } from './shapes';

const header = (request: SimRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The subscriber list, paged by request headers with the page total and refresh time in response
 * headers (carrier-apis.md §3.4). Cancelled lines are left out, as partner sync code notes.
 */
export function listSubscribers(ctx: TelegenceSimContext, request: SimRequest): SimResponse {
  const settings = ctx.settings();
  const names = settings.pageHeaders;
  const page = Number(header(request, names.page) ?? 1);
  const size = Number(header(request, names.pageSize) ?? settings.defaultPageSize);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) {
    return telegenceError(400, `Invalid ${names.page} or ${names.pageSize} header`);
  }
  const lines = [...ctx.state.lines.values()].filter((line) => line.status !== 'deactivated');
  const pageTotal = Math.max(1, Math.ceil(lines.length / size));
  return {
    status: 200,
    headers: {
      [names.pageTotal]: String(pageTotal),
      [names.refreshTimestamp]: new Date(request.clock.now()).toISOString(),
    },
    body: lines.slice((page - 1) * size, page * size).map((line) => ({
      foundationAccountNumber: settings.foundationAccountNumber,
      billingAccountNumber: settings.billingAccountNumber,
      subscriberNumber: line.subscriberNumber,
      subscriberNumberStatus: settings.statusLetters[line.status],
    })),
  };
}
