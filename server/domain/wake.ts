/**
 * A wake-up call from services to a background job of this process, without either seeing the
 * other: a service calls `wake()` (after COMMIT, via tx.afterCommit) when it gave the job work; the
 * job subscribes with `onWake`. With no job subscribed (a test running the steps itself), nothing happens.
 */
export interface WakeSignal {
  wake(): void;
  onWake(fn: () => void): () => void;
}

export function createWakeSignal(): WakeSignal {
  const listeners = new Set<() => void>();
  return {
    wake: () => {
      for (const l of listeners) l();
    },
    onWake(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
  };
}
