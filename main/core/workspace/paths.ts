import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Carrier Ops Console';
export const DATA_ENV = 'CARRIER_OPS_DATA';

/**
 * Where the workspace lives unless a flag or CARRIER_OPS_DATA says otherwise. Mirrors
 * Electron's userData folder so the app and the CLI open the same workspace.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[DATA_ENV];
  if (fromEnv) return resolve(fromEnv);
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, PRODUCT_NAME, 'workspace');
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'workspace.sqlite');
