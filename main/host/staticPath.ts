import { join, normalize, sep } from 'node:path';

/** The file under `root` that a URL path names, or undefined if the path climbs out of it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let relative: string;
  try {
    relative =
      urlPath === '/' || urlPath === ''
        ? 'index.html'
        : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const file = normalize(join(root, relative));
  const base = root.endsWith(sep) ? root : root + sep;
  return file.startsWith(base) ? file : undefined;
}

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};
