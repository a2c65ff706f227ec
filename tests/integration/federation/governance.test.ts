import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { loginThroughControlPlane, signInThroughControlPlane } from "#shared/matrix/session.js";
import { MatrixError } from "#server/synapse/http.js";
import { startGovernedFederation, type GovernedFederation } from "../../helpers/federation/governed.js";
import { MatrixUser } from "../../helpers/federation/network.js";
import { actor, api, role } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";

// Three homeservers, a control plane and its reconciler on a shared 2-core machine: generous waits.
const SLOW = 120_000;
const PROGRAM = "cybersecurity";

/** The registry governs the federation: ACLs from its homeservers, remote members invited, banned, let back. */
describe("the registry governs the federation", () => {
  let g: GovernedFederation;
  let pedro: MatrixUser; // a Chilean focal point, on Chile's homeserver
  let marcia: MatrixUser; // a Jamaican focal point, on Jamaica's
  let officer: MatrixUser; // a Secretariat officer, on the Secretariat's
  let pedroId: string;
  let room: { advisories: string; network: string; space: string };

  const membership = async (roomId: string, userId: string) =>
    (await g.bot.roomState(roomId)).state.find((e) => e.type === "m.room.member" && e.state_key === userId)?.content.membership ?? null;
  /** Waits until the user's membership of the room (as the Secretariat's server sees it) is one of `wanted`. */
  const membershipBecomes = (roomId: string, userId: string, wanted: string[], stepMs = 250) =>
    eventually(
      () => membership(roomId, userId),
      (m) => typeof m === "string" && wanted.includes(m),
      SLOW,
      stepMs,
    );

  beforeAll(async () => {
    g = await startGovernedFederation();
    [pedro, marcia] = await Promise.all([g.net.chile.user("pedro"), g.net.jamaica.user("marcia")]);
    pedroId = (await actor(g.plane, [role.focal("CL", PROGRAM)], "CL", { matrixUserId: pedro.userId })).id;
    await actor(g.plane, [role.focal("JM", PROGRAM)], "JM", { matrixUserId: marcia.userId });
    const off = await actor(g.plane, [role.officer(PROGRAM)], null);
    // Registering the two homeservers is what lets their people in (the full reconcile runs on it).
    await g.register("chile", "CL");
    await g.register("jamaica", "JM");
    const opened = await loginThroughControlPlane(new ControlPlaneClient(g.plane.url, off.token));
    officer = new MatrixUser(opened.baseUrl, opened.userId, opened.accessToken);
    const { value: ids } = await eventually(
      () => g.rooms(),
      (m) => m.has("space") && m.has("advisories:all") && m.has(`network:${PROGRAM}`),
      SLOW,
      250,
    );
    room = { space: ids.get("space")!, advisories: ids.get("advisories:all")!, network: ids.get(`network:${PROGRAM}`)! };
  }, 400_000);
  afterAll(async () => {
    await g?.close();
  });

  it(
    "each room's server ACL is the registry's active homeservers; remote members are invited, join and talk",
    async () => {
      const { names } = g.net;
      await eventually(
        () => g.aclAt(room.network),
        (allow) => JSON.stringify(allow) === JSON.stringify([names.secretariat, names.chile, names.jamaica].sort()),
        SLOW,
        250,
      );
      for (const r of Object.values(room)) {
        await membershipBecomes(r, pedro.userId, ["invite"]);
      }
      for (const r of [room.space, room.advisories, room.network]) {
        await pedro.join(r, names.secretariat);
        await membershipBecomes(room.network, marcia.userId, ["invite"]);
        await marcia.join(r, names.secretariat);
      }
      // A server sends an event to the servers it knows are in the room: wait until Chile's has
      // heard (from the Secretariat's) that Jamaica's joined, or the message never goes there.
      await eventually(
        () => pedro.joinedMembers(room.network),
        (joined) => joined.includes(marcia.userId),
        SLOW,
        250,
      );
      await pedro.send(room.network, "saludos desde Chile");
      await eventually(
        () => marcia.texts(room.network),
        (t) => t.some((m) => m.sender === pedro.userId && m.body === "saludos desde Chile"),
        SLOW,
        100,
      );
      await eventually(
        () => officer.texts(room.network),
        (t) => t.some((m) => m.body === "saludos desde Chile"),
        SLOW,
        100,
      );
    },
    SLOW * 4,
  );

  it(
    "de-registering Jamaica's homeserver cuts it off from every room within seconds",
    async () => {
      const ms = await g.deregisterCutoffMs("jamaica", [{ member: pedro, roomIds: [room.network, room.advisories] }]);
      console.log(`deregister_cutoff_ms (every managed room at the Secretariat's, and Chile's copies): ${ms}`);
      // Seconds, on a loaded shared machine (the reconcile of every room runs on the registry change).
      expect(ms).toBeLessThan(15_000);
      // Jamaica's server still accepts its user's message locally, but nobody else takes it in.
      await marcia.send(room.network, "still here?").catch(() => undefined);
      await pedro.send(room.network, "after the cut-off");
      await eventually(
        () => officer.texts(room.network),
        (t) => t.some((m) => m.body === "after the cut-off"),
        SLOW,
        100,
      );
      await new Promise((r) => setTimeout(r, 2000));
      expect((await officer.texts(room.network)).map((m) => m.body)).not.toContain("still here?");
      expect((await pedro.texts(room.network)).map((m) => m.body)).not.toContain("still here?");
      // Its people are no longer members (the registry no longer admits their homeserver).
      await membershipBecomes(room.network, marcia.userId, ["leave", "ban"]);
    },
    SLOW * 2,
  );

  it(
    "suspending a Chilean focal point bans them from every room; reinstating lifts the ban and invites again",
    async () => {
      const t0 = performance.now();
      expect((await api(g.plane, "POST", `/api/people/${pedroId}/suspend`, { token: g.admin, body: { reason: "test" } })).status).toBe(200);
      for (const r of Object.values(room)) {
        await membershipBecomes(r, pedro.userId, ["ban"], 50);
      }
      console.log(`federated_revocation_ms (a remote person banned from their rooms): ${Math.round(performance.now() - t0)}`);
      // Their own server cannot bring them back: whatever it answers them, the room keeps the ban.
      await pedro.join(room.network, g.net.names.secretariat).catch((e: unknown) => expect(e).toBeInstanceOf(MatrixError));
      await new Promise((r) => setTimeout(r, 1000));
      expect(await membership(room.network, pedro.userId)).toBe("ban");

      expect((await api(g.plane, "POST", `/api/people/${pedroId}/reinstate`, { token: g.admin, body: { reason: "test" } })).status).toBe(200);
      for (const r of Object.values(room)) {
        await membershipBecomes(r, pedro.userId, ["invite"]);
      }
      await pedro.join(room.network, g.net.names.secretariat);
    },
    SLOW * 3,
  );

  it(
    "an Enlace client on Chile's homeserver accepts the registry bot's invites to managed rooms and declines others",
    async () => {
      const rosa = await g.net.chile.user("rosa");
      const stranger = await g.net.chile.user("stranger");
      const { room_id: strangersRoom } = await stranger.call<{ room_id: string }>("POST", "/_matrix/client/v3/createRoom", {
        preset: "private_chat",
        invite: [rosa.userId],
      });
      const person = await actor(g.plane, [role.focal("CL", PROGRAM)], "CL", { matrixUserId: rosa.userId });
      // The product's own path: control-plane grant, sign-in on Chile's homeserver, a started client.
      const session = await signInThroughControlPlane(new ControlPlaneClient(g.plane.url, person.token));
      try {
        expect(session.client.getHomeserverUrl().replace(/\/$/, "")).toBe(g.net.chile.url);
        for (const r of Object.values(room)) {
          await membershipBecomes(r, rosa.userId, ["join"]);
        }
        await eventually(
          async () =>
            (
              await stranger.call<{ chunk: Array<{ state_key: string; content: { membership: string } }> }>(
                "GET",
                `/_matrix/client/v3/rooms/${encodeURIComponent(strangersRoom)}/members`,
              )
            ).chunk.find((e) => e.state_key === rosa.userId)?.content.membership,
          (m) => m === "leave",
          SLOW,
          250,
        );
      } finally {
        session.stop();
      }
    },
    SLOW * 3,
  );
});
