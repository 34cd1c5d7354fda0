import { z } from 'zod';
import { defineEvent, defineRequest } from './define';

export const WorkspaceInfo = z.object({
  name: z.string(),
  sandbox: z.boolean(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  deviceCount: z.number().int(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const Progress = z.object({
  task: z.string(),
  label: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

export const workspaceRequests = {
  'workspace:info': defineRequest(
    'What workspace is open and how big it is.',
    z.object({}),
    WorkspaceInfo,
  ),
};

export const workspaceEvents = {
  /** Long work in core (seeding, later imports and reports) reports here, a few times a second. */
  'workspace:progress': defineEvent(Progress),
};
