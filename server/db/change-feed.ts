import pg from "pg";
import type { Logger } from "../log.js";

const REGISTRY_CHANNEL = "enlace_registry";

/**
 * LISTENs for committed registry changes. `generation()` moves on every change and on every
 * reconnect; `live()` is false while disconnected, and then nobody may trust a cache.
 */
export interface ChangeFeed {
  generation(): number;
  live(): boolean;
  onChange(fn: (table: string) => void): () => void;
  /** Announces tables this process just committed changes to, without waiting for the NOTIFY (withTransaction calls it). */
  publish(tables: string[]): void;
  close(): Promise<void>;
}

export async function startChangeFeed(connectionString: string, log: Logger): Promise<ChangeFeed> {
  let gen = 0;
  let connected = false;
  let closed = false;
  let client: pg.Client | null = null;
  const listeners = new Set<(table: string) => void>();
  const bump = (table: string) => {
    gen++;
    for (const l of listeners) l(table);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on("notification", (m) => bump(m.payload ?? ""));
    c.on("error", (err) => {
      log.warn({ err: err.message }, "registry change feed lost; reconnecting");
      connected = false;
      bump("*");
      void c.end().catch(() => {});
      if (!closed) setTimeout(() => void connect().catch(() => {}), 500).unref();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${REGISTRY_CHANNEL}`);
    } catch (err) {
      void c.end().catch(() => {});
      if (!closed) setTimeout(() => void connect().catch(() => {}), 1000).unref();
      throw err;
    }
    client = c;
    connected = true;
    bump("*"); // anything may have changed while we were not listening
  };
  await connect();
  return {
    generation: () => gen,
    live: () => connected && !closed,
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    publish(tables) {
      for (const t of tables) bump(t);
    },
    async close() {
      closed = true;
      connected = false;
      await client?.end().catch(() => {});
    },
  };
}

export type QueryCache<V> = (key: string, compute: () => Promise<V>) => Promise<V>;

/**
 * A read-through cache that is only trusted while the change feed is live and nothing changed
 * since the value was read (a value read across a change is never stored). Bounded in size and age.
 */
export function createQueryCache<V>(feed: ChangeFeed | null, opts: { ttlMs: number; max: number }): QueryCache<V> {
  if (!feed) return (_key, compute) => compute();
  const entries = new Map<string, { gen: number; at: number; value: V }>();
  return async function cached(key, compute) {
    if (!feed.live()) return compute();
    const hit = entries.get(key);
    const now = Date.now();
    if (hit && hit.gen === feed.generation() && now - hit.at < opts.ttlMs) return hit.value;
    const gen = feed.generation();
    const value = await compute();
    if (feed.live() && feed.generation() === gen) {
      if (entries.size >= opts.max) entries.delete(entries.keys().next().value!);
      entries.set(key, { gen, at: now, value });
    }
    return value;
  };
}
