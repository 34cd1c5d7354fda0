/** A rectangle in screen coordinates, as Electron gives displays' work areas. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as it was left: normal (unmaximized) bounds, and whether it was maximized. */
export interface SavedWindow {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const MIN_SIZE = { width: 960, height: 600 };
export const DEFAULT_SIZE = { width: 1280, height: 800 };
/** How much of the title bar must be on a screen for the window to be reachable with the mouse. */
const GRAB = { width: 120, height: 32 };

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.min(a.x + a.width, b.x + b.width) - x,
    height: Math.min(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * Where to open the window: the saved place if its title bar is still on a screen (a monitor
 * may have been unplugged since), shrunk to fit that screen; otherwise the saved size, centred
 * by the OS. Nonsense in the saved file (hand-edited, older versions) falls back to defaults.
 */
export function placeWindow(saved: Partial<SavedWindow>, workAreas: readonly Rect[]): SavedWindow {
  const maximized = saved.maximized === true;
  const width = finite(saved.width) ? Math.max(MIN_SIZE.width, saved.width) : DEFAULT_SIZE.width;
  const height = finite(saved.height)
    ? Math.max(MIN_SIZE.height, saved.height)
    : DEFAULT_SIZE.height;
  const largest = workAreas.reduce<Rect | undefined>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    undefined,
  );
  const fit = (area: Rect | undefined) => ({
    width: area ? Math.max(MIN_SIZE.width, Math.min(width, area.width)) : width,
    height: area ? Math.max(MIN_SIZE.height, Math.min(height, area.height)) : height,
  });
  if (!finite(saved.x) || !finite(saved.y)) return { ...fit(largest), maximized };
  const titleBar = { x: saved.x, y: saved.y, width, height: GRAB.height };
  const home = workAreas.find((area) => {
    const shared = overlap(titleBar, area);
    return shared.width >= GRAB.width && shared.height >= GRAB.height;
  });
  if (!home) return { ...fit(largest), maximized };
  const size = fit(home);
  // Pulled back inside the screen it is on, so the shrunk window doesn't hang off its edge.
  const x = Math.max(home.x, Math.min(saved.x, home.x + home.width - size.width));
  const y = Math.max(home.y, Math.min(saved.y, home.y + home.height - size.height));
  return { ...size, x, y, maximized };
}
