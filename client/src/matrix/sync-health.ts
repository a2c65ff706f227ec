import { ClientEvent, SyncState, type MatrixClient } from "matrix-js-sdk";

export type Reachability = "ok" | "lost";

/**
 * Whether this device's sync with the homeserver is getting through. The SDK keeps retrying on its
 * own (and probes the homeserver while it cannot sync); this only tells the screens, and lets a
 * person ask for a retry now.
 */
export class SyncHealth {
  private current: Reachability = "ok";
  private readonly listeners = new Set<() => void>();
  private readonly off: () => void;

  constructor(private readonly client: MatrixClient) {
    const onSync = (state: SyncState) => {
      // A stopped client (signing out) says nothing about the network: keep what was known.
      if (state === SyncState.Stopped) return;
      const next: Reachability = state === SyncState.Error || state === SyncState.Reconnecting ? "lost" : "ok";
      if (next === this.current) return;
      this.current = next;
      for (const l of this.listeners) l();
    };
    client.on(ClientEvent.Sync, onSync);
    this.off = () => client.off(ClientEvent.Sync, onSync);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  get = (): Reachability => this.current;
  retryNow() {
    this.client.retryImmediately();
  }
  stop() {
    this.off();
    this.listeners.clear();
  }
}
