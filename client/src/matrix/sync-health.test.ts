import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { ClientEvent, SyncState, type MatrixClient } from "matrix-js-sdk";
import { SyncHealth } from "./sync-health.js";

// The SDK's client is an event emitter; its sync states are what SyncHealth reads.
function fakeClient() {
  const e = new EventEmitter() as EventEmitter & { retried: number; retryImmediately(): boolean };
  e.retried = 0;
  e.retryImmediately = () => {
    e.retried++;
    return true;
  };
  return e;
}

describe("SyncHealth", () => {
  it("is lost while the SDK reconnects or reports an error, and ok again once it syncs; a stop changes nothing", () => {
    const c = fakeClient();
    const h = new SyncHealth(c as unknown as MatrixClient);
    let told = 0;
    h.subscribe(() => told++);
    expect(h.get()).toBe("ok");
    c.emit(ClientEvent.Sync, SyncState.Reconnecting);
    expect(h.get()).toBe("lost");
    c.emit(ClientEvent.Sync, SyncState.Error);
    expect([h.get(), told]).toEqual(["lost", 1]); // one change, one notice
    c.emit(ClientEvent.Sync, SyncState.Stopped);
    expect(h.get()).toBe("lost");
    c.emit(ClientEvent.Sync, SyncState.Catchup);
    expect([h.get(), told]).toEqual(["ok", 2]);
    h.retryNow();
    expect(c.retried).toBe(1);
  });

  it("stops listening when stopped", () => {
    const c = fakeClient();
    const h = new SyncHealth(c as unknown as MatrixClient);
    h.stop();
    c.emit(ClientEvent.Sync, SyncState.Error);
    expect(h.get()).toBe("ok");
    expect(c.listenerCount(ClientEvent.Sync)).toBe(0);
  });
});
