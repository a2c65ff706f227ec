import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { loginThroughControlPlane } from "#shared/matrix/session.js";
import { MatrixError, enc } from "#server/synapse/http.js";
import { startGovernedFederation, type GovernedFederation } from "../../helpers/federation/governed.js";
import { MatrixUser } from "../../helpers/federation/network.js";
import { eventIdOf, sendTransaction, serverKey, signedPdu, type ServerKey } from "../../helpers/federation/forge.js";
import { isLoopback, tcpSockets } from "../../helpers/federation/sockets.js";
import { actor, role } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";

// Four homeservers, a control plane and its reconciler on a shared 2-core machine: generous waits.
const SLOW = 120_000;
const PROGRAM = "cybersecurity";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

type ClientEvent = { type: string; sender: string; event_id: string; state_key?: string; content: Record<string, unknown> };

/**
 * The untrusted actors of the federation (docs/threat-model.md): a homeserver nobody registered,
 * and the operator of a registered member state's homeserver, who holds its signing key and its
 * Synapse admin account. Each tries what its position allows; the rooms keep to the registry.
 */
describe("attacks on the federation", () => {
  let g: GovernedFederation;
  let pedro: MatrixUser; // a Chilean focal point, on Chile's homeserver
  let marcia: MatrixUser; // a Jamaican focal point, on Jamaica's
  let officer: MatrixUser; // a Secretariat officer, on the Secretariat's
  let network: string; // the program's network room
  let keys: Record<"rogue" | "chile", ServerKey>;

  const membership = async (roomId: string, userId: string) =>
    (await g.bot.roomState(roomId)).state.find((e) => e.type === "m.room.member" && e.state_key === userId)?.content.membership ?? null;
  /** A room's latest events (any type), as `who`'s homeserver holds them. */
  const timeline = async (who: MatrixUser, roomId: string) =>
    (await who.call<{ chunk: ClientEvent[] }>("GET", `/_matrix/client/v3/rooms/${enc(roomId)}/messages?dir=b&limit=100`)).chunk;
  const stateOf = (who: MatrixUser, roomId: string) => who.call<ClientEvent[]>("GET", `/_matrix/client/v3/rooms/${enc(roomId)}/state`);
  const serverOf = (userId: string) => userId.slice(userId.indexOf(":") + 1);

  /**
   * What a genuine event of `sender` in the room would rest on, as the Secretariat's homeserver has
   * the room now: the latest event as its parent, the power levels and the sender's membership (if
   * any) as its authority. The forgeries below differ from a real event only in who signs or sends.
   */
  async function eventFor(sender: string, type: string, content: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const [latest] = await timeline(officer, network);
    const state = await stateOf(officer, network);
    const auth = state.filter((e) => (e.type === "m.room.power_levels" && e.state_key === "") || (e.type === "m.room.member" && e.state_key === sender));
    return {
      room_id: network,
      sender,
      type,
      content,
      depth: 1_000_000,
      prev_events: [latest!.event_id],
      auth_events: auth.map((e) => e.event_id),
      ...extra,
    };
  }
  /** Pushes one PDU signed by `by` to `to` over federation; the receiving server's verdict on it. */
  async function push(by: ServerKey, to: string, event: Record<string, unknown>) {
    const pdu = signedPdu(by, event);
    const res = await sendTransaction(by, to, join(g.net.caDir, "ca.crt"), [pdu]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { eventId: eventIdOf(pdu), result: res.body.pdus?.[eventIdOf(pdu)] };
  }

  beforeAll(async () => {
    g = await startGovernedFederation({ roles: ["secretariat", "chile", "jamaica", "rogue"] });
    [pedro, marcia] = await Promise.all([g.net.chile.user("pedro"), g.net.jamaica.user("marcia")]);
    await actor(g.plane, [role.focal("CL", PROGRAM)], "CL", { matrixUserId: pedro.userId });
    await actor(g.plane, [role.focal("JM", PROGRAM)], "JM", { matrixUserId: marcia.userId });
    const off = await actor(g.plane, [role.officer(PROGRAM)], null);
    await g.register("chile", "CL");
    await g.register("jamaica", "JM");
    const opened = await loginThroughControlPlane(new ControlPlaneClient(g.plane.url, off.token));
    officer = new MatrixUser(opened.baseUrl, opened.userId, opened.accessToken);
    const { value: ids } = await eventually(
      () => g.rooms(),
      (m) => m.has(`network:${PROGRAM}`),
      SLOW,
      250,
    );
    network = ids.get(`network:${PROGRAM}`)!;
    // Pedro and Marcia accept the registry bot's invites, as their Enlace clients would.
    for (const m of [pedro, marcia]) {
      await eventually(
        () => membership(network, m.userId),
        (x) => x === "invite",
        SLOW,
        250,
      );
      await m.join(network, g.net.names.secretariat);
    }
    await eventually(
      () => pedro.joinedMembers(network),
      (j) => j.includes(marcia.userId) && j.includes(officer.userId),
      SLOW,
      250,
    );
    keys = { rogue: await serverKey(g.net.rogue.dataDir, g.net.names.rogue), chile: await serverKey(g.net.chile.dataDir, g.net.names.chile) };
  }, 400_000);
  afterAll(async () => {
    await g?.close();
  });

  it(
    "the rogue homeserver (not in the registry) can neither join a managed room nor send into it: the ACL refuses its events",
    async () => {
      const { names } = g.net;
      const banned = { errcode: "M_FORBIDDEN", error: "Server is banned from room" };
      const eve = await g.net.rogue.user("eve");
      // Through the Secretariat's homeserver, or through Chile's, which holds the room too.
      for (const via of [names.secretariat, names.chile]) {
        const refused = await refusal(eve.join(network, via));
        expect(refused, `join via ${via}`).toBeInstanceOf(MatrixError);
        expect((refused as MatrixError).statusCode).toBe(403);
      }
      // Its own homeserver has no part in the room to send from.
      expect(await refusal(eve.send(network, "from the rogue, through its client API"))).toBeInstanceOf(MatrixError);

      // Its operator speaks federation directly, with the rogue's own signing key: a well-formed,
      // correctly signed join of Eve and message from her, pushed to the Secretariat's and to Chile's.
      const join = await eventFor(eve.userId, "m.room.member", { membership: "join" }, { state_key: eve.userId });
      const message = await eventFor(eve.userId, "m.room.message", { msgtype: "m.text", body: "forged by the rogue" });
      const acl = [names.secretariat, names.chile, names.jamaica].sort();
      expect(await g.aclAt(network)).toEqual(acl);
      expect(await g.aclOf(pedro, network), "the ACL as Chile's server holds it").toEqual(acl);
      for (const ev of [join, message]) {
        expect((await push(keys.rogue, names.secretariat, ev)).result, `${ev.type} pushed to the Secretariat's`).toEqual(banned);
        // Chile's server answered {} here (not the ACL's refusal), with its copy of the room holding
        // the same ACL: whatever it did with them, the rogue's events must not enter its copy of the
        // room (checked below, with the Secretariat's).
        await push(keys.rogue, names.chile, ev);
      }

      // The same kind of hand-made event from Chile's homeserver, for its own vetted member, is taken:
      // the refusal above is the ACL's, not a malformed event's.
      const genuine = await push(
        keys.chile,
        names.secretariat,
        await eventFor(pedro.userId, "m.room.message", { msgtype: "m.text", body: "hand-made by Chile" }),
      );
      expect(genuine.result).toEqual({});
      await eventually(
        () => officer.texts(network),
        (t) => t.some((m) => m.sender === pedro.userId && m.body === "hand-made by Chile"),
        SLOW,
        100,
      );

      // Nothing from the rogue anywhere: not at the Secretariat's, not in Chile's copy of the room.
      for (const who of [officer, pedro]) {
        const events = [...(await timeline(who, network)), ...(await stateOf(who, network))];
        expect(events.filter((e) => serverOf(e.sender) === names.rogue || (e.state_key && serverOf(e.state_key) === names.rogue))).toEqual([]);
        expect(await who.joinedMembers(network)).not.toContain(eve.userId);
      }
    },
    SLOW * 3,
  );

  it(
    "Chile's operator cannot bring an unvetted account of theirs into a room; an account that slips in is swept out by the reconciler",
    async () => {
      const { names } = g.net;
      const mallory = await g.net.chile.user("mallory"); // an account on Chile's server, never vetted
      // A vetted member of Chile's invites it: the power levels let only the registry bot invite.
      const invited = await refusal(pedro.call("POST", `/_matrix/client/v3/rooms/${enc(network)}/invite`, { user_id: mallory.userId }));
      expect((invited as MatrixError).statusCode).toBe(403);
      // It joins by itself: the room is invite-only.
      expect(((await refusal(mallory.join(network, names.secretariat))) as MatrixError).statusCode).toBe(403);
      // Chile's Synapse admin force-joins it (admin API): the room's server still asks for an invite.
      expect(await refusal(g.net.chile.admin.adminJoin(network, mallory.userId))).toBeInstanceOf(MatrixError);
      // Chile's signing key, a hand-made join for it: authorisation fails at the Secretariat's.
      await push(keys.chile, names.secretariat, await eventFor(mallory.userId, "m.room.member", { membership: "join" }, { state_key: mallory.userId }));
      expect(await membership(network, mallory.userId)).not.toBe("join");
      expect(await officer.joinedMembers(network)).not.toContain(mallory.userId);

      // Defence in depth: if it got in all the same (here the bot's own account lets it in, as a
      // mistake or a compromise would), the next full reconcile finds it unvetted and removes it.
      await g.bot.invite(network, mallory.userId);
      await mallory.join(network, names.secretariat);
      await eventually(
        () => pedro.joinedMembers(network),
        (j) => j.includes(mallory.userId),
        SLOW,
        250,
      );
      await g.plane.link!.boss.send("reconcile-all", {});
      g.plane.link!.reconciler.wake();
      await eventually(
        () => membership(network, mallory.userId),
        (m) => m === "leave",
        SLOW,
        250,
      );
      // Chile's copy of the room agrees: its own server cannot keep it in.
      await eventually(
        () => pedro.joinedMembers(network),
        (j) => !j.includes(mallory.userId),
        SLOW,
        250,
      );
      const audit = await g.plane.ctx.db.query("SELECT details FROM audit_log WHERE action = 'reconciler.member_removed' AND details->>'userId' = $1", [
        mallory.userId,
      ]);
      expect(audit.rows.length).toBeGreaterThan(0);
    },
    SLOW * 3,
  );

  it(
    "Chile's homeserver cannot speak for Jamaica's people: events it signs in a Jamaican's name are refused",
    async () => {
      const { names } = g.net;
      const forged = await eventFor(marcia.userId, "m.room.message", { msgtype: "m.text", body: "forged by Chile for Marcia" });
      for (const to of [names.secretariat, names.jamaica]) {
        const { result } = await push(keys.chile, to, forged);
        // Only the sender's own server may sign its events.
        expect(result?.error, `pushed to ${to}`).toContain(`unable to verify signature for sender domain ${names.jamaica}`);
      }
      await pedro.send(network, "after the forgery");
      for (const who of [officer, marcia]) {
        await eventually(
          () => who.texts(network),
          (t) => t.some((m) => m.body === "after the forgery"),
          SLOW,
          100,
        );
        expect((await who.texts(network)).map((m) => m.body)).not.toContain("forged by Chile for Marcia");
      }
    },
    SLOW,
  );

  it(
    "federation traffic stays on loopback: every listener is bound to a loopback address, every peer connection is between loopback addresses",
    async () => {
      const servers = g.net.servers;
      const addresses = new Set(servers.map((s) => s.serverName));
      for (const s of servers) {
        const config = JSON.parse(await readFile(join(s.dataDir, "homeserver.yaml"), "utf8")) as {
          listeners: Array<{ bind_addresses: string[] }>;
          federation_ip_range_blacklist: string[];
        };
        expect(config.listeners.flatMap((l) => l.bind_addresses).every(isLoopback)).toBe(true);
        // Only loopback came off Synapse's blocklist: private networks stay closed to outgoing federation.
        expect(config.federation_ip_range_blacklist).toEqual(expect.arrayContaining(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]));
      }
      // Some traffic, then the sockets as the kernel has them.
      await pedro.send(network, "loopback check");
      await eventually(
        () => marcia.texts(network),
        (t) => t.some((m) => m.body === "loopback check"),
        SLOW,
        100,
      );
      const sockets = await tcpSockets();
      const listening = sockets.filter((s) => s.state === "listen" && s.localPort === 8448 && addresses.has(s.local));
      expect(listening.map((s) => s.local).sort()).toEqual([...addresses].sort());
      const peers = sockets.filter(
        (s) => s.state === "established" && ((s.remotePort === 8448 && addresses.has(s.remote)) || (s.localPort === 8448 && addresses.has(s.local))),
      );
      expect(peers.length).toBeGreaterThan(0);
      expect(peers.filter((s) => !isLoopback(s.local) || !isLoopback(s.remote))).toEqual([]);
      // The client listeners too (the control plane and the clients reach each homeserver on 127.0.0.1).
      for (const s of servers) {
        const port = Number(new URL(s.url).port);
        expect(sockets.filter((x) => x.state === "listen" && x.localPort === port).every((x) => isLoopback(x.local))).toBe(true);
      }
    },
    SLOW,
  );
});
