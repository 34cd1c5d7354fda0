import { z } from 'zod';
import { ChangeType } from '../../shared/domain/changes';
import { changeHandlers } from '../core/changes';
import { CliError, ExitCode } from './exitCodes';

/** `--type`, checked here so a typo gets the list of types rather than a schema message. */
export function changeTypeOf(raw: string | undefined): ChangeType {
  const parsed = ChangeType.safeParse(raw);
  if (parsed.success) return parsed.data;
  const types = ChangeType.options.join(', ');
  throw new CliError(
    ExitCode.badInput,
    raw === undefined
      ? `submit needs --type: one of ${types}.`
      : `"${raw}" is not a change type; use one of ${types}.`,
  );
}

/**
 * The change's parameters: `--params` JSON first, each `--set key=value` over it. A value is
 * read as a number, boolean or null when it looks like one, unless the change type wants text
 * there (a zip code or plan code made of digits stays text).
 */
export function changeParams(
  type: ChangeType,
  sets: readonly string[],
  json: string | undefined,
): Record<string, unknown> {
  const params = json === undefined ? {} : paramsJson(json);
  const schema = changeHandlers[type].params;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    const key = set.slice(0, eq).trim();
    if (eq < 0 || key === '')
      throw new CliError(
        ExitCode.badInput,
        `--set takes key=value (e.g. --set action=suspend); "${set}" is not that.`,
      );
    params[key] = valueFor(shape[key], set.slice(eq + 1));
  }
  return params;
}

function valueFor(field: z.ZodType | undefined, raw: string): unknown {
  const typed = scalar(raw);
  if (!field || typed === raw) return typed;
  const parsed = field.safeParse(typed);
  // A setting that is text (a zip or plan code of digits) keeps the digits as text.
  return !parsed.success && parsed.error.issues.some((i) => i.code === 'invalid_type')
    ? raw
    : typed;
}

function paramsJson(json: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CliError(
      ExitCode.badInput,
      `--params is not valid JSON (${(error as Error).message}); give an object such as '{"action":"suspend"}'.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CliError(
      ExitCode.badInput,
      `--params must be a JSON object such as '{"action":"suspend"}'.`,
    );
  return value as Record<string, unknown>;
}

function scalar(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  // Only numbers that read back the same: "02134" and ICCID-length digits stay text.
  const number = Number(raw);
  if (raw !== '' && Number.isFinite(number) && String(number) === raw) return number;
  return raw;
}
