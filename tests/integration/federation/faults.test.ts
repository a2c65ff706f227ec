import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { sendAck, sendContent } from "#shared/matrix/send.js";
import { publishAdvisory, tallyAcks } from "#shared/matrix/advisories.js";
import { ACK_EVENT_TYPE } from "#shared/content/ack.js";
import { readEvent } from "#shared/matrix/receive.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { desiredRooms } from "#server/domain/rooms/desired.js";
import { loadSnapshot } from "#server/domain/rooms/repo.js";
import { startGovernedFederation, type GovernedFederation } from "../../helpers/federation/governed.js";
import { remoteMember } from "../../helpers/federation/remote-member.js";
import { asUser, readValid } from "../../helpers/federation/read.js";
import type { MatrixUser } from "../../helpers/federation/network.js";
import { actor, role } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { credentialsPublished, member, roomsReady, type Member } from "../../helpers/e2ee.js";

const ROOMS = ["space", "network:tourism", "advisories:tourism"];
// Three homeservers (one of them stopped and started again), a control plane and Rust-crypto clients on 2 cores.
const SLOW = 180_000;
const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

/** Faults of the federation: a member state's homeserver down, the Secretariat's restarted mid-reconcile. */
describe("federation faults", () => {
  let g: GovernedFederation;
  let ana: Member; // focal point, Chile's homeserver
  let jan: Member; // focal point, Jamaica's homeserver
  let officer: Member; // Secretariat officer, the Secretariat's homeserver
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  beforeAll(async () => {
    g = await startGovernedFederation();
    await g.register("chile", "CL");
    await g.register("jamaica", "JM");
    await roomsReady(g.plane, 28, SLOW);
    const all = [...(await g.rooms()).values()];
    await eventually(
      async () => (await Promise.all(all.map((id) => g.aclAt(id)))).every((a) => !!a?.includes(g.net.names.chile) && a.includes(g.net.names.jamaica)),
      (ok) => ok,
      SLOW,
      250,
    );
    [officer, ana, jan] = await Promise.all([
      member(g.plane, [role.officer("tourism")], null, ROOMS),
      remoteMember(g, "chile", "ana", [role.focal("CL", "tourism")], "CL", ROOMS, SLOW),
      remoteMember(g, "jamaica", "jan", [role.focal("JM", "tourism")], "JM", ROOMS, SLOW),
    ]);
    for (const m of [ana, jan, officer]) await credentialsPublished(m.session, [ana, jan, officer], SLOW);
  }, 600_000);
  afterAll(async () => {
    for (const m of [ana, jan, officer]) m?.session.stop();
    await g?.close();
  });

  it(
    "Chile's homeserver is down while an advisory is published; back up, Ana receives it, reads it and acknowledges, and the officer's coverage counts Chile",
    async () => {
      const roomId = roomOf(officer, "advisories:tourism");
      // People who have worked together: the officer's device already has Olm sessions with Ana's and
      // Jan's (an earlier notice both read). The advisory then starts a new room key, so the key
      // itself must travel to Chile's server as a to-device message while it is down.
      const earlier = await sendContent(officer.session, roomId, "alert", { ...EXAMPLES.alert, title: "Before the outage" });
      await readValid(g, ana.session, roomId, earlier, SLOW);
      await readValid(g, jan.session, roomId, earlier, SLOW);
      await officer.session.client.getCrypto()!.forceDiscardSession(roomId);

      const deadline = new Date(Date.now() + 3_600_000).toISOString();
      let eventId = "";
      await g.net.chile.stop();
      try {
        ({ eventId } = await publishAdvisory(officer.session, officer.cp, roomId, {
          tlp: "AMBER",
          programCode: "tourism",
          title: "Port screening during the outage",
          body: "Report what the terminals see.",
          programs: ["tourism"],
          requiresAck: true,
          ackDeadline: deadline,
        }));
        // Jamaica is not held up by Chile's outage.
        const { read: atJamaica } = await readValid(g, jan.session, roomId, eventId, SLOW);
        expect(atJamaica).toMatchObject({ encrypted: true, content: { kind: "advisory" }, trust: { level: "verified" } });
        await sendAck(jan.session, roomId, eventId);
        // Down long enough for the Secretariat's server to have failed to reach it and backed off.
        await new Promise((r) => setTimeout(r, 3_000));
        expect(ana.session.client.getRoom(roomId)?.findEventById(eventId)).toBeUndefined();
      } finally {
        // Back up whatever happened above, so the next test finds three servers.
        await g.net.chile.restart();
      }
      const { read } = await readValid(g, ana.session, roomId, eventId, SLOW);
      expect(read).toMatchObject({
        encrypted: true,
        content: { kind: "advisory", content: { title: "Port screening during the outage" } },
        // The Secretariat's officer, verified; an officer represents no member state.
        trust: { level: "verified", memberState: null },
      });
      await sendAck(ana.session, roomId, eventId);

      const { value: tally } = await eventually(
        async () => {
          const events = findRoomByKey(officer.session.client, "advisories:tourism")!.getLiveTimeline().getEvents();
          const items = await Promise.all(events.filter((e) => e.getType() === ACK_EVENT_TYPE).map((e) => readEvent(officer.session, e, 2_000)));
          return tallyAcks(items, eventId);
        },
        (t) => t.counted.length === 2,
        SLOW,
        500,
      );
      expect(tally.counted.map((a) => a.state).sort()).toEqual(["CL", "JM"]);
      expect(tally.notCounted).toEqual([]);
    },
    SLOW * 3,
  );

  /**
   * What the registry calls for and what the Secretariat's homeserver holds, room by room: members
   * missing (neither joined nor invited), members who should not be there, ACLs that differ.
   */
  async function drift() {
    const snapshot = await loadSnapshot(g.plane.ctx.db, {
      secretariatServer: g.net.names.secretariat,
      botUserId: g.net.secretariat.botUserId,
      today: new Date().toISOString().slice(0, 10),
    });
    const ids = await g.rooms();
    const out: string[] = [];
    for (const room of desiredRooms(snapshot)) {
      const roomId = ids.get(room.key);
      if (!roomId) {
        out.push(`${room.key}: no room`);
        continue;
      }
      const state = (await g.bot.roomState(roomId)).state;
      const present = new Set(
        state.filter((e) => e.type === "m.room.member" && ["join", "invite"].includes(String(e.content.membership))).map((e) => e.state_key as string),
      );
      const missing = [...room.members.keys()].filter((u) => !present.has(u));
      const extra = [...present].filter((u) => !room.members.has(u));
      const acl = state.find((e) => e.type === "m.room.server_acl")?.content as { allow?: string[] } | undefined;
      if (missing.length) out.push(`${room.key}: missing ${missing.join(" ")}`);
      if (extra.length) out.push(`${room.key}: extra ${extra.join(" ")}`);
      if (JSON.stringify(sorted(acl?.allow)) !== JSON.stringify(sorted(room.serverAcl.allow))) out.push(`${room.key}: acl ${acl?.allow}`);
    }
    return out;
  }

  it(
    "the Secretariat's homeserver is killed in the middle of a reconcile and restarted: every room converges on all three servers",
    async () => {
      // Six new remote focal points (accounts on their own servers, no Enlace client yet): their
      // vetting makes the reconciler invite each of them to three rooms over federation.
      const accounts: MatrixUser[] = await Promise.all([
        ...["pia", "tomas", "lucia"].map((n) => g.net.chile.user(n)),
        ...["kemar", "shelly", "omar"].map((n) => g.net.jamaica.user(n)),
      ]);
      const invited = async () => {
        const rooms = [...(await g.rooms())].filter(([key]) => ROOMS.includes(key)).map(([, id]) => id);
        const states = await Promise.all(rooms.map((id) => g.bot.roomState(id).catch(() => ({ state: [] as any[] }))));
        return states.flatMap((s) =>
          s.state.filter((e: any) => e.type === "m.room.member" && accounts.some((a) => a.userId === e.state_key) && e.content.membership === "invite"),
        ).length;
      };
      await Promise.all(
        accounts.map((a, i) => {
          const state = i < 3 ? "CL" : "JM";
          return actor(g.plane, [role.focal(state, "tourism")], state, { matrixUserId: a.userId });
        }),
      );
      // The reconcile has begun (a first invite is out) and has not finished: kill the server now.
      const { value: atKill } = await eventually(invited, (n) => n > 0, SLOW, 25);
      await g.net.secretariat.kill();
      expect(atKill).toBeLessThan(accounts.length * ROOMS.length);
      await new Promise((r) => setTimeout(r, 1_500));
      await g.net.secretariat.restart();

      // The Secretariat's server: every room as the registry says, members and ACL.
      await eventually(drift, (d) => d.length === 0, SLOW, 1_000).catch(async (err) => {
        throw new Error(`${(err as Error).message}; drift: ${(await drift()).join("; ")}`);
      });
      // Each new person's own server holds the invites (they crossed federation), and a join works.
      const network = (await g.rooms()).get("network:tourism")!;
      for (const a of accounts) {
        await eventually(
          async () =>
            Object.keys((await a.call<{ rooms?: { invite?: Record<string, unknown> } }>("GET", "/_matrix/client/v3/sync?timeout=0")).rooms?.invite ?? {}),
          (ids) => ROOMS.every((key) => ids.includes(findRoomByKey(officer.session.client, key)!.roomId)),
          SLOW,
          500,
        );
      }
      await accounts[0].join(network, g.net.names.secretariat);
      await accounts[3].join(network, g.net.names.secretariat);
      // Chile's and Jamaica's copies of the rooms: the same ACL as the Secretariat's.
      for (const [m, key] of ROOMS.flatMap((key) => [ana, jan].map((m) => [m, key] as const))) {
        const id = roomOf(m, key);
        await eventually(
          async () => sorted((await g.aclOf(asUser(m.session), id)) ?? []),
          (allow) => JSON.stringify(allow) === JSON.stringify(sorted([g.net.names.secretariat, g.net.names.chile, g.net.names.jamaica])),
          SLOW,
          500,
        );
      }
      // And the network still carries content across all three: Jan's alert reaches Ana and the officer.
      const sent = await sendContent(jan.session, network, "alert", { ...EXAMPLES.alert, title: "After the restart" });
      for (const m of [ana, officer]) {
        const { read } = await readValid(g, m.session, network, sent, SLOW);
        expect(read).toMatchObject({ encrypted: true, content: { content: { title: "After the restart" } }, trust: { level: "verified", memberState: "JM" } });
      }
      // A Chilean newcomer who joined sees the room's members from Jamaica's server too.
      await eventually(
        () => accounts[0].joinedMembers(network),
        (ms) => ms.includes(accounts[3].userId) && ms.includes(jan.session.userId),
        SLOW,
        500,
      );
    },
    SLOW * 3,
  );
});
