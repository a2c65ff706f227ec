// Remote members at scale and their removal, on the governed three-server network: how fast the
// registry's decisions reach people whose accounts live on a member state's homeserver.
import { seedActivePerson } from "#server/domain/registry/seed.js";
import { api, role } from "../tests/helpers/control-plane.js";
import type { GovernedFederation } from "../tests/helpers/federation/governed.js";
import type { MatrixUser } from "../tests/helpers/federation/network.js";
import { eventually } from "../tests/helpers/matrix-wait.js";
import { inBatches } from "./lib/matrix.js";

const NO_CONTENT = { types: [] as string[] };
// Invites and nothing else: a person's client that only answers invites (no E2EE needed here).
const INVITES_ONLY = encodeURIComponent(
  JSON.stringify({
    presence: NO_CONTENT,
    account_data: NO_CONTENT,
    room: { timeline: { limit: 0 }, state: NO_CONTENT, ephemeral: NO_CONTENT, account_data: NO_CONTENT },
  }),
);

/**
 * What the Enlace client does on its own homeserver for the registry bot's invites: joins each
 * (through the Secretariat's homeserver), retrying a join that failed, until stopped.
 */
function acceptInvites(u: MatrixUser, via: string, only: (roomId: string) => boolean = () => true) {
  let stopped = false;
  let since: string | undefined;
  const pending = new Set<string>();
  void (async () => {
    while (!stopped) {
      try {
        const q = since ? `&since=${since}&timeout=5000` : "&timeout=0";
        const r = await u.call<{ next_batch: string; rooms?: { invite?: Record<string, unknown> } }>(
          "GET",
          `/_matrix/client/v3/sync?filter=${INVITES_ONLY}${q}`,
        );
        since = r.next_batch;
        for (const id of Object.keys(r.rooms?.invite ?? {})) if (only(id)) pending.add(id);
        for (const id of [...pending])
          await u.join(id, via).then(
            () => pending.delete(id),
            () => undefined,
          );
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return () => {
    stopped = true;
  };
}

const joinedAt = async (g: GovernedFederation, roomId: string) => new Set((await g.bot.roomMembers(roomId)).members);

/**
 * Revocation of remote people, one at a time: from the API call until they are out of every room
 * they were in, both at the Secretariat's homeserver and as their own homeserver sees it (its
 * /joined_rooms for them, what they could still read from). Milliseconds per person.
 */
export async function federatedRevocations(g: GovernedFederation, program: string, people: number) {
  const ids = await g.rooms();
  const theirs = ["space", "advisories:all", `network:${program}`, `advisories:${program}`].map((k) => ids.get(k)!);
  const accounts = await Promise.all(Array.from({ length: people }, (_, i) => g.net.chile.user(`revoked${i}`)));
  const stops = accounts.map((u) => acceptInvites(u, g.net.names.secretariat));
  const personIds: string[] = [];
  for (const [i, u] of accounts.entries()) {
    const p = await seedActivePerson(g.plane.ctx, {
      email: `revoked${i}@bench.enlace.test`,
      fullName: `Revoked ${i}`,
      memberState: "CL",
      roles: [role.focal("CL", program)],
      password: "correct horse battery staple",
      matrixUserId: u.userId,
    });
    personIds.push(p.id);
  }
  await eventually(
    async () => {
      const sets = await Promise.all(theirs.map((id) => joinedAt(g, id)));
      return accounts.every((u) => sets.every((s) => s.has(u.userId)));
    },
    (ok) => ok,
    300_000,
    500,
  );
  for (const stop of stops) stop();
  const times: number[] = [];
  // Where the time goes: out at the Secretariat's homeserver (the bans written) vs at their own.
  const atSecretariat: number[] = [];
  for (const [i, u] of accounts.entries()) {
    const t0 = performance.now();
    let bannedAt: number | undefined;
    const r = await api(g.plane, "POST", `/api/people/${personIds[i]}/revoke`, { token: g.admin, body: { reason: "bench" } });
    if (r.status !== 200) throw new Error(`revoke: ${r.status} ${JSON.stringify(r.body)}`);
    await eventually(
      async () => {
        const [sets, own] = await Promise.all([
          Promise.all(theirs.map((id) => joinedAt(g, id))),
          u.call<{ joined_rooms: string[] }>("GET", "/_matrix/client/v3/joined_rooms"),
        ]);
        if (bannedAt === undefined && sets.every((s) => !s.has(u.userId))) bannedAt = performance.now();
        return bannedAt !== undefined && !own.joined_rooms.some((id) => theirs.includes(id));
      },
      (out) => out,
      60_000,
      50,
    );
    times.push(Math.round(performance.now() - t0));
    atSecretariat.push(Math.round(bannedAt! - t0));
  }
  return { times, atSecretariat };
}

/**
 * `count` people on Jamaica's homeserver vetted for `program` while that homeserver is suspended;
 * re-activating it brings them all in: seconds until every one has joined the program's network
 * room (each answering only that invite, so the figure is one room's).
 */
export async function federatedJoin(g: GovernedFederation, program: string, count: number, log: (s: string) => void) {
  const roomId = (await g.rooms()).get(`network:${program}`)!;
  await g.setHomeserverStatus("jamaica", "suspended");
  log(`federation: ${count} people on Jamaica's homeserver, vetted while it is suspended…`);
  const accounts = await inBatches(
    Array.from({ length: count }, (_, i) => i),
    10,
    (i) => g.net.jamaica.user(`many${i}`),
  );
  await inBatches(accounts, 10, (u, i) =>
    seedActivePerson(g.plane.ctx, {
      email: `many${i}@bench.enlace.test`,
      fullName: `Many ${i}`,
      memberState: "JM",
      roles: [role.focal("JM", program)],
      password: "correct horse battery staple",
      matrixUserId: u.userId,
    }),
  );
  // Their person jobs (nothing to do while their homeserver is suspended) settle first; bounded, as
  // the minute's full sweep may always be queued on a loaded machine.
  const settle = Date.now();
  while (!(await g.plane.link!.reconciler.idle()) && Date.now() - settle < 120_000) await new Promise((r) => setTimeout(r, 250));
  const stops = accounts.map((u) => acceptInvites(u, g.net.names.secretariat, (id) => id === roomId));
  try {
    const t0 = performance.now();
    await g.setHomeserverStatus("jamaica", "active");
    await eventually(
      () => joinedAt(g, roomId),
      (s) => accounts.every((u) => s.has(u.userId)),
      900_000,
      500,
    );
    return (performance.now() - t0) / 1000;
  } finally {
    for (const stop of stops) stop();
  }
}
