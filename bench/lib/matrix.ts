// What the Matrix benches share: a throwaway Synapse database on the bench's PostgreSQL, batching, and
// "readable at this client" timing.
import pg from "pg";
import { MatrixEventEvent, RoomEvent, type MatrixEvent, type Room } from "matrix-js-sdk";
import type { EnlaceSession } from "#shared/matrix/session.js";

/** Resolves with the time at which `s` has the event decrypted (or received, if plain). */
export function whenReadable(s: EnlaceSession, roomId: string, match: (e: MatrixEvent) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const onTimeline = (e: MatrixEvent, room: Room | undefined) => {
      if (room?.roomId !== roomId || !match(e)) return;
      s.client.off(RoomEvent.Timeline, onTimeline);
      const done = () => {
        if (!e.isBeingDecrypted() && !e.isDecryptionFailure() && e.getClearContent() !== null) {
          e.off(MatrixEventEvent.Decrypted, done);
          resolve(performance.now());
        }
      };
      if (!e.isEncrypted()) return resolve(performance.now());
      e.on(MatrixEventEvent.Decrypted, done);
      done();
    };
    s.client.on(RoomEvent.Timeline, onTimeline);
  });
}

/** A database for a bench's Synapse on the bench's PostgreSQL server (Synapse requires C collation). */
export async function synapseDatabase(pgAdminUrl: string, prefix = "synapse_bench"): Promise<{ kind: "postgres"; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: pgAdminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs `f` over `items`, at most `width` at a time. */
export async function inBatches<T, R>(items: T[], width: number, f: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((x, k) => f(x, i + k)))));
  return out;
}
