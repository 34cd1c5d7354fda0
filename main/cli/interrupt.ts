import { ExitCode } from './exitCodes';

/** Ctrl-C as a promise, so a command can finish its work cleanly once it is pressed. */
export interface Interrupt {
  readonly requested: boolean;
  /** Resolves on the first Ctrl-C. */
  readonly pressed: Promise<void>;
  dispose(): void;
}

/**
 * Listens for Ctrl-C. The first press is the command's to handle (pause, close, explain); a
 * second one leaves at once, since calls still out are settled on the workspace's next start.
 */
export function listenForInterrupt(): Interrupt {
  let requested = false;
  let resolve: () => void = () => undefined;
  const pressed = new Promise<void>((r) => (resolve = r));
  const onSignal = () => {
    if (requested) {
      console.error(
        'Stopped without waiting; calls still out to carriers are checked the next time the workspace opens.',
      );
      process.exit(ExitCode.interrupted);
    }
    requested = true;
    resolve();
  };
  process.on('SIGINT', onSignal);
  return {
    get requested() {
      return requested;
    },
    pressed,
    dispose: () => process.off('SIGINT', onSignal),
  };
}
