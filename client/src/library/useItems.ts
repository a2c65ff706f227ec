import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { MatrixClient, MatrixEvent, Room } from "matrix-js-sdk";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { readEvent, type Received } from "#shared/matrix/receive.js";
import { roomCeiling } from "#shared/matrix/rooms.js";
import type { MessageKind } from "#shared/content/types.js";
import { useMatrix } from "../matrix/MatrixClientContext.js";
import type { TimelineStore } from "../matrix/timeline.js";
import { toItem, type AnyItem } from "./items.js";

// Events fetched outside the rooms' live timelines (an incident's thread from the server) are read
// here, once per event and client; failed decryptions are not kept, so a later key gets its chance.
const reads = new WeakMap<MatrixClient, Map<string, Promise<Received>>>();

function read(s: EnlaceSession, e: MatrixEvent): Promise<Received> {
  let cache = reads.get(s.client);
  if (!cache) {
    cache = new Map();
    reads.set(s.client, cache);
  }
  const id = e.getId();
  const hit = id ? cache.get(id) : undefined;
  if (hit) return hit;
  const p = readEvent(s, e, 8_000);
  if (id) {
    cache.set(id, p);
    void p.then((r) => {
      if (r.content.status === "invalid" && e.isDecryptionFailure()) cache.delete(id);
    });
  }
  return p;
}

/** Enlace rooms I have joined (they carry a TLP ceiling; the Space does not). */
export const enlaceRooms = (s: EnlaceSession): Room[] => s.client.getRooms().filter((r) => r.getMyMembership() === "join" && roomCeiling(r) !== null);

const NO_STORE = { subscribe: () => () => {}, getVersion: () => 0 };

export interface ItemsState {
  items: AnyItem[];
  /** True until messaging is ready on this device. */
  loading: boolean;
  /** Fetches older history of the rooms (a page each). */
  loadOlder(): Promise<void>;
  loadingOlder: boolean;
}

/**
 * The valid Enlace items of the given kinds in my rooms (or only `roomId`), kept current as events
 * arrive, from the session's timeline store (every event is decrypted and judged once, on this
 * device), plus `extra` events fetched elsewhere.
 */
export function useItems(kinds: readonly MessageKind[], roomId?: string, extra: readonly MatrixEvent[] = []): ItemsState {
  const m = useMatrix();
  const ready = m.state.status === "ready" ? m.state : null;
  const session = ready?.session ?? null;
  const timeline: TimelineStore | null = ready?.timeline ?? null;
  const store = timeline ?? NO_STORE;
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const [extraRead, setExtraRead] = useState<Received[]>([]);
  const [loadingOlder, setLoadingOlder] = useState(false);

  useEffect(() => {
    if (!session || extra.length === 0) {
      setExtraRead([]);
      return;
    }
    let live = true;
    void Promise.all(extra.map((e) => read(session, e))).then((all) => {
      if (live) setExtraRead(all);
    });
    return () => {
      live = false;
    };
  }, [session, extra]);

  const kindKey = kinds.join(",");
  const items = useMemo(() => {
    if (!timeline) return [];
    const wanted = new Set(kindKey.split(","));
    const roomIds = roomId ? [roomId] : timeline.rooms().map((r) => r.roomId);
    const seen = new Set<string>();
    const out: AnyItem[] = [];
    for (const r of [...roomIds.flatMap((id) => timeline.items(id)), ...extraRead]) {
      const item = toItem(r);
      if (!item || !wanted.has(item.kind) || seen.has(item.eventId) || (roomId && item.roomId !== roomId)) continue;
      seen.add(item.eventId);
      out.push(item);
    }
    return out;
  }, [timeline, version, roomId, kindKey, extraRead]);

  const loadOlder = useCallback(async () => {
    if (!timeline) return;
    setLoadingOlder(true);
    try {
      const roomIds = roomId ? [roomId] : timeline.rooms().map((r) => r.roomId);
      await Promise.all(roomIds.map((id) => timeline.loadOlder(id).catch(() => false)));
    } finally {
      setLoadingOlder(false);
    }
  }, [timeline, roomId]);

  return { items, loading: !timeline, loadOlder, loadingOlder };
}
