import { carrierContract } from './contract';
import { contractRun, startRun } from './thingspace/harness';

carrierContract({
  carrier: 'thingspace',
  start: async (options) => contractRun(await startRun({ faults: options?.faults })),
});
