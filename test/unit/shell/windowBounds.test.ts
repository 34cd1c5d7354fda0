import { describe, expect, it } from 'vitest';
import { placeWindow, type Rect } from '../../../main/shell/windowBounds';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 870 };
const monitorOnRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('where the window opens', () => {
  it('where it was left, maximized or not, when that screen is still there', () => {
    expect(
      placeWindow({ x: 1600, y: 100, width: 1800, height: 1000, maximized: true }, [
        laptop,
        monitorOnRight,
      ]),
    ).toEqual({ x: 1600, y: 100, width: 1800, height: 1000, maximized: true });
  });

  it('on a screen still attached, shrunk to fit, when its monitor was unplugged', () => {
    expect(
      placeWindow({ x: 1600, y: 100, width: 1800, height: 1000, maximized: false }, [laptop]),
    ).toEqual({ width: 1440, height: 870, maximized: false });
  });

  it('pulled back onto its screen when only the title bar still showed', () => {
    expect(
      placeWindow({ x: 1000, y: 500, width: 1280, height: 800, maximized: false }, [laptop]),
    ).toEqual({ x: 160, y: 70, width: 1280, height: 800, maximized: false });
  });

  it('at a usable default when the saved state is nonsense', () => {
    expect(
      placeWindow({ x: Number.NaN, y: 20, width: -5, height: Infinity }, [laptop, monitorOnRight]),
    ).toEqual({ width: 960, height: 800, maximized: false });
    expect(placeWindow({}, [])).toEqual({ width: 1280, height: 800, maximized: false });
  });
});
