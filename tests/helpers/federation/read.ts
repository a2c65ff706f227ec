import { readFile } from "node:fs/promises";
import { readEvent } from "#shared/matrix/receive.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { eventually } from "../matrix-wait.js";
import type { GovernedFederation } from "./governed.js";
import { MatrixUser } from "./network.js";

/** The account of a client's session, on the client API only (what its own homeserver shows it). */
export const asUser = (s: EnlaceSession) => new MatrixUser(s.client.getHomeserverUrl().replace(/\/$/, ""), s.userId, s.client.getAccessToken()!);

/** Which step lost an event: the reader's homeserver holding it or not, and what every server's log says of it. */
async function whereIs(g: GovernedFederation, s: EnlaceSession, roomId: string, eventId: string) {
  const path = (p: string) => `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/${p}`;
  const own = await asUser(s)
    .call("GET", path(`event/${encodeURIComponent(eventId)}`))
    .then(
      () => "held",
      (e: Error) => `not held (${e.message})`,
    );
  const logs = await Promise.all(
    (["secretariat", "chile", "jamaica"] as const).map(async (r) => {
      const lines = (await readFile(g.net[r].logPath, "utf8").catch(() => "")).split("\n");
      const hits = lines.filter((l) => l.includes(eventId) || /Soft-failing|rejected|Failed to send|backoff/i.test(l)).slice(-15);
      return `${r}:\n${hits.join("\n")}`;
    }),
  );
  const there = await asUser(s)
    .call<{ membership: string }>("GET", path(`state/m.room.member/${encodeURIComponent(s.userId)}`))
    .then(
      (c) => c.membership,
      (e: Error) => e.message,
    );
  const here = ((await g.bot.stateContent(roomId, "m.room.member", s.userId).catch(() => null)) as { membership?: string } | null)?.membership;
  return `by ${s.userId}'s homeserver: ${own}; membership there ${there}, at the Secretariat's ${here}; sync ${s.client.getSyncState()}; logs:\n${logs.join("\n")}`;
}

/** Waits for an event to reach a client, then until it reads as valid Enlace content there. */
export async function readValid(g: GovernedFederation, s: EnlaceSession, roomId: string, eventId: string, timeoutMs: number) {
  const { value: ev } = await eventually(
    async () => s.client.getRoom(roomId)?.findEventById(eventId),
    (e) => e !== undefined,
    timeoutMs,
    100,
  ).catch(async (err) => {
    throw new Error(`${(err as Error).message}; ${await whereIs(g, s, roomId, eventId)}`);
  });
  const { value: read } = await eventually(
    () => readEvent(s, ev!, 2_000),
    (r) => r.content.status === "valid",
    timeoutMs,
    500,
  );
  return { ev: ev!, read };
}
