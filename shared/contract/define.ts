import type { z } from 'zod';

/** A request channel: what the caller sends and what core answers. */
export interface RequestDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  doc: string;
  request: Req;
  response: Res;
}

/** A push event from core: its payload schema. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
}

export const defineRequest = <Req extends z.ZodType, Res extends z.ZodType>(
  doc: string,
  request: Req,
  response: Res,
): RequestDef<Req, Res> => ({ doc, request, response });

export const defineEvent = <P extends z.ZodType>(payload: P): EventDef<P> => ({ payload });
