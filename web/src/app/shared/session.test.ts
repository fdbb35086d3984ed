import { describe, expect, it } from 'vitest';
import { KEY_STORAGE_NAME, takeKeyFromFragment } from './session';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() { return values.size; },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

function page(hash: string) {
  const replaced: string[] = [];
  const location = { hash, pathname: '/executions/e1', search: '?x=1' } as Location;
  const history = { state: null, replaceState: (_: unknown, __: string, url: string) => replaced.push(url) } as unknown as History;
  return { location, history, replaced };
}

describe('takeKeyFromFragment', () => {
  it('keeps a key handed in the fragment and removes it from the address bar', () => {
    const storage = memoryStorage();
    const { location, history, replaced } = page('#key=s3cr%2Bt');
    expect(takeKeyFromFragment(location, history, storage)).toBe(true);
    expect(storage.getItem(KEY_STORAGE_NAME)).toBe('s3cr+t');
    expect(replaced).toEqual(['/executions/e1?x=1']);
  });

  it('leaves the address alone when no key is handed', () => {
    const storage = memoryStorage();
    const { location, history, replaced } = page('#section');
    expect(takeKeyFromFragment(location, history, storage)).toBe(false);
    expect(replaced).toEqual([]);
    expect(storage.getItem(KEY_STORAGE_NAME)).toBeNull();
  });
});
