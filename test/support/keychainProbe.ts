// Run as its own process by keychain.test.ts: tries to save a secret and prints what happened.
import { osKeychain } from '../../main/core/credentials/keychain';

try {
  osKeychain('Carrier Ops Console probe').save('probe', 'secret-value-for-probe');
  console.log(JSON.stringify({ saved: true }));
} catch (error) {
  const { code, message } = error as { code?: string; message: string };
  console.log(JSON.stringify({ saved: false, code, message }));
}
