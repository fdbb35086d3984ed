/** The API key or token the app presents, kept in the browser's local storage under this name. */
export const KEY_STORAGE_NAME = 'fabrik.credential';

export function storedKey(storage: Storage): string | null {
  return storage.getItem(KEY_STORAGE_NAME);
}

export function storeKey(storage: Storage, key: string): void {
  storage.setItem(KEY_STORAGE_NAME, key);
}

export function forgetKey(storage: Storage): void {
  storage.removeItem(KEY_STORAGE_NAME);
}

/**
 * Takes a key handed in the address's fragment (`#key=…`), keeps it, and removes it from the address bar and the
 * history, so it is neither bookmarked nor shown. The fragment never reaches the server or its logs.
 */
export function takeKeyFromFragment(location: Location, history: History, storage: Storage): boolean {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = fragment.get('key')?.trim();
  if (!key) {
    return false;
  }
  storeKey(storage, key);
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return true;
}
