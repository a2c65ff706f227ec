// The Rust crypto store must have one client at a time (two tabs on one IndexedDB corrupt it), so
// the tab that opens it holds a Web Lock (navigator.locks) for as long as its client runs. Attempts
// within one tab are serialized by MatrixClientProvider, so a lock this tab cannot get is held by
// another document: first asked with ifAvailable (an open tab answers at once), then waited for a
// moment, because a reloading page's previous document may let go just after the new one asks.
type Release = () => void;

function take(locks: LockManager, name: string, options: LockOptions): Promise<Release | null> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, options, (lock) => {
        if (!lock) {
          resolve(null);
          return;
        }
        // Held until released: the callback's promise settles only then.
        return new Promise<void>((release) => resolve(() => release()));
      })
      .catch(reject);
  });
}

export async function acquireTabLock(name = "enlace-matrix-client", waitMs = 3_000): Promise<Release | null> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return () => {};
  const now = await take(locks, name, { ifAvailable: true });
  if (now) return now;
  return take(locks, name, { signal: AbortSignal.timeout(waitMs) }).catch(() => null);
}
