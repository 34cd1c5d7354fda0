const STORAGE_KEY = 'carrier-ops-token';

/**
 * The bridge's per-run token arrives in the address fragment (`#token=…`). It is kept for this
 * tab only and taken out of the address bar, so it is not left in history or on screen.
 */
export function takeBridgeToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    window.sessionStorage.setItem(STORAGE_KEY, fromHash);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
    return fromHash;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}
