import { describe, expect, it, vi } from 'vitest';

/** A fresh module each time: the request is made once per page load. */
const load = async () => {
  vi.resetModules();
  return import('./persistence');
};

const manager = (persisted: boolean, grant: boolean) => ({
  persisted: vi.fn(async () => persisted),
  persist: vi.fn(async () => grant),
  estimate: vi.fn(async () => ({ usage: 1234, quota: 10_000 }))
});

describe('persistent storage', () => {
  it('is asked for once per page load, and not when already granted', async () => {
    const { requestPersistentStorage } = await load();
    const m = manager(false, true);
    expect(await requestPersistentStorage(m)).toBe(true);
    expect(await requestPersistentStorage(m)).toBe(true);
    expect(m.persist).toHaveBeenCalledTimes(1);

    const again = await load();
    const granted = manager(true, true);
    expect(await again.requestPersistentStorage(granted)).toBe(true);
    expect(granted.persist).not.toHaveBeenCalled();
  });

  it('says null where the browser has no storage manager, and never rejects', async () => {
    const { requestPersistentStorage, storageStatus } = await load();
    expect(await requestPersistentStorage(undefined)).toBeNull();
    expect(await storageStatus(undefined)).toEqual({ usedBytes: null, quotaBytes: null, persisted: null });
    const broken = { ...manager(false, false), estimate: vi.fn(async () => Promise.reject(new Error('no'))) };
    expect(await storageStatus(broken)).toEqual({ usedBytes: null, quotaBytes: null, persisted: false });
  });

  it('reports usage, quota and persistence', async () => {
    const { storageStatus } = await load();
    expect(await storageStatus(manager(true, true))).toEqual({
      usedBytes: 1234,
      quotaBytes: 10_000,
      persisted: true
    });
  });
});

describe('storage line on History', () => {
  it('states usage, quota and whether the browser keeps the walks', async () => {
    const { describeStorageStatus } = await load();
    expect(describeStorageStatus({ usedBytes: 12_345_678, quotaBytes: 2.1e9, persisted: true })).toBe(
      'Saved walks and the app use 12.3 MB of the 2.1 GB this browser allows. The browser keeps them until you delete them (persistent storage is on).'
    );
    expect(describeStorageStatus({ usedBytes: null, quotaBytes: null, persisted: false })).toMatch(
      /^The browser may delete them/
    );
  });
});
