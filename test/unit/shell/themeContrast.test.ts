import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../renderer/ui/theme.css'), 'utf8');
const [lightPart, darkPart = ''] = css.split('@media (prefers-color-scheme: dark)');
const colours = (text: string) =>
  Object.fromEntries(
    [...text.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]),
  );
const light = colours(lightPart!);
const themes = { light, dark: { ...light, ...colours(darkPart) } };

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

// Text the desk reads: WCAG AA 4.5:1. Hints of disabled things and focus rings: 3:1.
const readable: [string, string[]][] = [
  [
    'text',
    [
      'bg',
      'surface',
      'surface-sunken',
      'accent-soft',
      'danger-soft',
      'warning-soft',
      'row-hover',
      'row-error',
    ],
  ],
  ['text-muted', ['bg', 'surface', 'surface-sunken', 'accent-soft', 'row-hover', 'warning-soft']],
  ['accent', ['bg', 'surface', 'surface-sunken', 'accent-soft', 'warning-soft']],
  ['on-accent', ['accent', 'accent-hover']],
  ['danger', ['surface', 'danger-soft']],
  ['warning-text', ['warning-soft']],
  ['status-active', ['success-soft']],
  ...['active', 'inventory', 'suspended', 'deactivated', 'pending'].map(
    (status): [string, string[]] => [`status-${status}`, ['surface']],
  ),
];
const visible: [string, string[]][] = [
  ['text-faint', ['surface', 'surface-sunken']],
  ['focus', ['bg', 'surface']],
];

it('gives every colour role a dark value, so no light colour shows up in the dark', () => {
  expect(Object.keys(colours(darkPart)).sort()).toEqual(Object.keys(light).sort());
});

describe.each(Object.entries(themes))('the %s theme', (_name, theme) => {
  it.each(readable)('keeps %s readable (4.5:1) on its backgrounds', (fg, backgrounds) => {
    for (const bg of backgrounds)
      expect(contrast(theme[fg]!, theme[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(visible)('keeps %s visible (3:1) on its backgrounds', (fg, backgrounds) => {
    for (const bg of backgrounds)
      expect(contrast(theme[fg]!, theme[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
  });
});
