const counts = new Intl.NumberFormat();

/** `1,204` in the desk's own number format. */
export const formatCount = (n: number): string => counts.format(n);

/** `1 device`, `1,204 devices`. */
export const deviceCount = (n: number): string =>
  `${formatCount(n)} ${n === 1 ? 'device' : 'devices'}`;
