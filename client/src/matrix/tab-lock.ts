// The Rust crypto store must have one client at a time (two tabs on one IndexedDB corrupt it). A
// second tab of the same browser waits briefly (a closing tab, or React's development double
// mount, lets go within moments), then gives up and says so instead.
export async function acquireTabLock(name = "enlace-matrix-client", waitMs = 3_000): Promise<(() => void) | null> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return () => {};
  return new Promise((resolve) => {
    locks.request(name, { signal: AbortSignal.timeout(waitMs) }, () => new Promise<void>((release) => resolve(() => release()))).catch(() => resolve(null));
  });
}
