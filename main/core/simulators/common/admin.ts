import axios from 'axios';
import type { FaultInput } from './faults';

/** Steers a simulator over its admin endpoint, as a test in another process would. */
export function simulatorAdmin(url: string, token: string) {
  const http = axios.create({ baseURL: `${url}/__admin`, headers: { 'x-sim-admin': token } });
  return {
    state: async () => (await http.get<Record<string, unknown>>('/state')).data,
    setFaults: async (faults: FaultInput) => (await http.put('/faults', faults)).data as unknown,
    advanceClock: async (advanceMs: number) =>
      (await http.post('/clock', { advanceMs })).data as unknown,
  };
}
