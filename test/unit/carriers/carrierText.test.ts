import { describe, expect, it } from 'vitest';
import { pondReason } from '../../../main/core/carriers/pond/errors';
import { reasonOf as telegenceReason } from '../../../main/core/carriers/telegence/errors';
import { reasonOf as thingspaceReason } from '../../../main/core/carriers/thingspace/wire';

// 299 characters, then an emoji whose two UTF-16 halves straddle the 300 cut.
const body = `${'a'.repeat(299)}😀 and the rest of a long error page`;
const hasLoneSurrogate = (text: string) => /\p{Cs}/u.test(text);

describe("a carrier's error page cut to a message's length", () => {
  it.each([
    ['Telegence', telegenceReason],
    ['POND', pondReason],
    ['ThingSpace', thingspaceReason],
  ])('%s drops an emoji the cut would halve rather than keep half of it', (_, reason) => {
    expect(reason(body)).toBe('a'.repeat(299));
    expect(reason(`${'a'.repeat(298)}😀 more`)).toBe(`${'a'.repeat(298)}😀`);
    expect(hasLoneSurrogate(reason(body)!)).toBe(false);
  });
});
