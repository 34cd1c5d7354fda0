import { carrierContract } from './contract';
import { telegenceHarness } from './telegence/harness';

carrierContract(telegenceHarness);
