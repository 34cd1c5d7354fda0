import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { RENDERER_CSP } from '../host/csp';
import { contentTypes, resolveInside } from '../host/staticPath';

export const APP_SCHEME = 'app';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer as app://console/ with the CSP, instead of file://. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'console' ? resolveInside(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': RENDERER_CSP,
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
