import type { IncomingHttpHeaders } from 'node:http';
import type { SimClock } from './clock';

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when the body is not JSON (e.g. a form). */
  body: unknown;
  rawBody: string;
  clock: SimClock;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  /** Sent as-is when set (HTML error pages, form-encoded answers). */
  text?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: string;
  /** Path with `:name` parameters, e.g. `/rws/api/v1/devices/:iccid`. */
  path: string;
  handler: SimHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

/** A tiny method + path router; enough for a carrier API, nothing clever. */
export function compileRoutes(
  routes: readonly Route[],
): (method: string, path: string) => { route: Route; params: Record<string, string> } | undefined {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const pattern = route.path
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:(\w+)/g, (_match, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
    return { ...route, regex: new RegExp(`^${pattern}$`), names };
  });
  return (method, path) => {
    for (const route of compiled) {
      if (route.method !== method) continue;
      const match = route.regex.exec(path);
      if (match) {
        const params = Object.fromEntries(
          route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
        );
        return { route, params };
      }
    }
    return undefined;
  };
}
