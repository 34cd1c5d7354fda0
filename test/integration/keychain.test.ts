import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { osKeychain } from '../../main/core/credentials/keychain';

// The OS keychain needs a session bus with a Secret Service on it: `npm test` provides one
// with gnome-keyring under dbus-run-session. Elsewhere this suite skips and says why.
const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasSessionBus)
  console.warn('keychain tests skipped: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset)');

describe.skipIf(!hasSessionBus)('the OS keychain', () => {
  const keychain = osKeychain(`Carrier Ops Console test ${randomUUID()}`);

  it('stores a secret, reads it back and clears it', () => {
    const ref = `account-${randomUUID()}`;
    expect(keychain.read(ref)).toBeUndefined();
    keychain.save(ref, 'api-key-that-must-never-reach-sqlite');
    expect(keychain.read(ref)).toBe('api-key-that-must-never-reach-sqlite');
    keychain.save(ref, 'rotated');
    expect(keychain.read(ref)).toBe('rotated');
    keychain.clear(ref);
    expect(keychain.read(ref)).toBeUndefined();
    expect(() => keychain.clear(ref)).not.toThrow();
  });
});

describe('without a keychain', () => {
  it('fails with keychain_unavailable and a way out, never falling back to plaintext', () => {
    const probe = fileURLToPath(new URL('../support/keychainProbe.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      encoding: 'utf8',
    });
    const outcome = JSON.parse(run.stdout) as { saved: boolean; code?: string; message?: string };
    expect(outcome).toMatchObject({ saved: false, code: 'keychain_unavailable' });
    expect(outcome.message).toMatch(/keychain could not be reached.*never stored anywhere else/);
    expect(run.stdout + run.stderr).not.toContain('secret-value-for-probe');
  });
});
