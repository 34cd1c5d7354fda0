import { startBridge } from '../host/bridge/server';
import { startCoreHost } from '../host/coreHost';
import { DEFAULT_DEMO_DEVICES } from '../core/workspace/seedSandbox';
import { progressBar } from './progressBar';

export interface ServeOptions {
  dataDir: string;
  devices: number | undefined;
  port: number | undefined;
  workerUrl: URL;
  rendererDir: string;
  appVersion: string;
}

/** `carrier-ops serve`: core in a worker, the bridge on 127.0.0.1, until Ctrl-C. */
export async function runServe(options: ServeOptions): Promise<number> {
  const host = await startCoreHost({
    workerUrl: options.workerUrl,
    core: {
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      sandboxDevices: options.devices ?? DEFAULT_DEMO_DEVICES,
    },
  });
  const bar = progressBar();
  const offProgress = host.on('workspace:progress', bar.update);
  const bridge = await startBridge({ host, rendererDir: options.rendererDir, port: options.port });
  console.log(`Serving ${bridge.url}`);
  console.error(
    `Workspace: ${options.dataDir}. Open the address above in a browser; Ctrl-C stops.`,
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  offProgress();
  await bridge.close();
  await host.close();
  console.error('Stopped; the workspace was closed cleanly.');
  return 0;
}
