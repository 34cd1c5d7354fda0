import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, uploadProblem } from '../../../renderer/features/import/upload';

describe('uploadProblem', () => {
  it('refuses an empty file and one over the limit, naming the file and what to do', () => {
    expect(uploadProblem({ name: 'sims.csv', size: 0 })).toBe(
      'sims.csv is empty. Check you picked the right file.',
    );
    expect(uploadProblem({ name: 'fleet.xlsx', size: MAX_FILE_BYTES + 1 })).toMatch(
      /^fleet\.xlsx is 50\.0 MB; the console reads files up to 50\.0 MB\. Split it/,
    );
    expect(uploadProblem({ name: 'fleet.xlsx', size: MAX_FILE_BYTES })).toBeNull();
  });
});
