// `carrier-ops serve` on the built app for the UI bench, and calls over its loopback bridge.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { Channel, RequestOf, ResponseOf, Result } from '../../../shared/contract';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const READY = /^Serving (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m;

export interface Served {
  url: string;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Counts the `bulk:progress` events core pushes from now on, as the window receives them. */
  countProgress(): { count(): number; stop(): void };
  stop(): Promise<void>;
}

/** Serves the workspace in `dataDir` and resolves once the address is printed. */
export async function serve(dataDir: string): Promise<Served> {
  const server: ChildProcess = spawn(
    process.execPath,
    ['bin/carrier-ops.js', 'serve', '--data', dataDir, '--port', '0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      const match = READY.exec(printed);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) =>
      reject(new Error(`carrier-ops serve exited (${code}):\n${log.join('')}`)),
    );
  });
  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token');
  return {
    url,
    async call(channel, request) {
      const response = await fetch(new URL(`/api/call/${channel}`, address.origin), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      const result = (await response.json()) as Result<ResponseOf<typeof channel>>;
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
      return result.value;
    },
    countProgress() {
      const abort = new AbortController();
      let count = 0;
      void fetch(new URL('/api/events', address.origin), {
        headers: { Authorization: `Bearer ${token}` },
        signal: abort.signal,
      })
        .then(async (response) => {
          const decoder = new TextDecoder();
          for await (const chunk of response.body!)
            count += decoder.decode(chunk, { stream: true }).split('"bulk:progress"').length - 1;
        })
        .catch(() => undefined);
      return { count: () => count, stop: () => abort.abort() };
    },
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    },
  };
}
