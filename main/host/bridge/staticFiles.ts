import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { contentTypes, resolveInside } from '../staticPath';

/** Serves the built renderer from `root`; a path that climbs out of it is simply not found. */
export async function serveStatic(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const file = resolveInside(root, urlPath);
  try {
    if (!file) throw new Error('outside the renderer folder');
    const body = await readFile(file);
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
  } catch {
    response.writeHead(404, headers).end('Not found');
  }
}
