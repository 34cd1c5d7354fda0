/** Runs core's worker straight from source in tests (the app runs the built one). */
export const sourceWorker = {
  workerUrl: new URL('../../main/core/worker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};
