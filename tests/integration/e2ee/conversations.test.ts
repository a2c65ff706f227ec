import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { randomUUID } from "node:crypto";
import { Method, type MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";
import { member, credentialsPublished, roomsReady, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { sendText } from "#shared/matrix/messages.js";
import { nextEvent } from "#shared/matrix/receive.js";
import { waitForRoom } from "#shared/matrix/rooms.js";
import { reconcileAll } from "#server/domain/rooms/reconcile.js";
import { pgReconcileDeps } from "#server/domain/rooms/registry-port.js";

const PROBLEM = "https://enlace.oas.org/problems/";

describe("direct encrypted conversations between two vetted people (real Synapse, PostgreSQL, E2EE clients)", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member, bea: Member, officer: Actor;
  let conversationId = "",
    roomId = "";
  const ROOMS = ["space", "network:tourism"];
  const start = (from: Member, withId: string) => api(plane, "POST", "/api/conversations", { token: from.cp.token, body: { with: withId } });
  const listOf = (m: Member) => api(plane, "GET", "/api/conversations", { token: m.cp.token });
  /** Every membership of the room as the homeserver has it (the admin API: no client's view). */
  const memberships = async () =>
    Object.fromEntries(
      (await hs.admin.roomState(roomId)).state.filter((e) => e.type === "m.room.member").map((e) => [e.state_key, e.content.membership as string]),
    );
  const stateOf = async (type: string) => (await hs.admin.roomState(roomId)).state.find((e) => e.type === type && e.state_key === "")?.content;
  const deps = () => pgReconcileDeps(plane.ctx, plane.link!.hs);

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [ana, jan, bea] = await Promise.all([
      member(plane, [role.focal("CL", "tourism")], "CL", ROOMS),
      member(plane, [role.focal("JM", "tourism")], "JM", ROOMS),
      member(plane, [role.focal("BR", "tourism")], "BR", ROOMS),
    ]);
    officer = await actor(plane, [role.officer("tourism")], null);
    for (const m of [ana, jan, bea]) await credentialsPublished(m.session, [ana, jan, bea]);
  }, 240_000);
  afterAll(async () => {
    for (const m of [ana, jan, bea]) m?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  it("two vetted people start one conversation (the same, whoever asks again), in an encrypted room of just the two", async () => {
    const first = await start(ana, jan.personId);
    expect(first.status).toBe(201);
    conversationId = first.body.id;
    expect(first.body).toMatchObject({ roomKey: `dm:${conversationId}`, startedByMe: true, with: { id: jan.personId, active: true } });
    // Idempotent: the same pair has one conversation, from either side.
    for (const again of [await start(ana, jan.personId), await start(jan, ana.personId)]) {
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(conversationId);
    }
    roomId = (
      await eventually(
        async () => (await listOf(ana)).body.find((c: { id: string }) => c.id === conversationId)?.roomId as string | null,
        (r) => typeof r === "string",
        60_000,
        100,
      )
    ).value!;
    const seenByJan = (await listOf(jan)).body;
    expect(seenByJan).toHaveLength(1);
    expect(seenByJan[0]).toMatchObject({ id: conversationId, roomId, startedByMe: false, with: { id: ana.personId, memberState: "CL" } });
    for (const m of [ana, jan]) await waitForRoom(m.session.client, `dm:${conversationId}`, 60_000);

    expect(await memberships()).toEqual({ [hs.botUserId]: "join", [ana.session.userId]: "join", [jan.session.userId]: "join" });
    expect(await stateOf("m.room.encryption")).toMatchObject({ algorithm: "m.megolm.v1.aes-sha2" });
    expect(await stateOf("m.room.join_rules")).toMatchObject({ join_rule: "invite" });
    expect(await stateOf("m.room.history_visibility")).toMatchObject({ history_visibility: "invited" });
    const pl = (await stateOf("m.room.power_levels")) as Record<string, unknown>;
    expect(pl).toMatchObject({ invite: 100, users_default: 0, events_default: 0, state_default: 100 });
    expect(pl.users).toEqual({});
    // Not a child of the network's Space: nobody else learns the room exists.
    const space = (await plane.ctx.db.query("SELECT room_id FROM matrix_rooms WHERE key = 'space'")).rows[0].room_id;
    const children = (await hs.admin.roomState(space)).state.filter((e) => e.type === "m.space.child").map((e) => e.state_key);
    expect(children).not.toContain(roomId);

    // The start is audited (who, with whom); nothing said is.
    const audit = (await plane.ctx.db.query("SELECT actor, subject, details FROM audit_log WHERE action = 'conversation.started'")).rows;
    expect(audit).toEqual([{ actor: ana.personId, subject: conversationId, details: { with: jan.personId } }]);
  });

  it("a message is encrypted, decrypts at the other person and is verified with the sender's registry name and state", async () => {
    for (const [from, to, text] of [
      [ana, jan, "¿Podemos hablar del operativo del sábado?"],
      [jan, ana, "Yes — call me after the briefing."],
    ] as const) {
      const since = Date.now() - 5;
      const waiting = nextEvent(to.session, roomId, (e: MatrixEvent) => e.getSender() === from.session.userId && e.getTs() >= since, 30_000);
      const eventId = await sendText(from.session, roomId, text);
      const got = await waiting;
      expect(got.eventId).toBe(eventId);
      expect(got.encrypted).toBe(true);
      expect(got.decryption).toBeUndefined();
      const name = (await plane.ctx.db.query("SELECT full_name FROM people WHERE id = $1", [from.personId])).rows[0].full_name;
      expect(got.trust).toMatchObject({ level: "verified", name, memberState: from === ana ? "CL" : "JM" });
      expect(to.session.client.getRoom(roomId)!.findEventById(eventId)!.getContent().body).toBe(text);
    }
  });

  it("a third person can neither join nor be invited by a member, and never gets the room", async () => {
    await expect(bea.session.client.joinRoom(roomId)).rejects.toThrow();
    await expect(ana.session.client.invite(roomId, bea.session.userId)).rejects.toMatchObject({ httpStatus: 403 });
    await expect(ana.session.client.setPowerLevel(roomId, jan.session.userId, 100)).rejects.toMatchObject({ httpStatus: 403 });
    expect(bea.session.client.getRoom(roomId)?.getMyMembership() ?? "none").not.toBe("join");
    expect(await memberships()).toEqual({ [hs.botUserId]: "join", [ana.session.userId]: "join", [jan.session.userId]: "join" });
    expect((await listOf(bea)).body).toEqual([]);
  });

  it("a full reconcile with the conversation present changes nothing in it", async () => {
    const touches = async () =>
      (await plane.ctx.db.query("SELECT seq, action FROM audit_log WHERE subject = $1 AND action LIKE 'reconciler.%' ORDER BY seq", [roomId])).rows.map(
        (r) => r.action as string,
      );
    // Only what the conversation's own job did: made the room and brought the two in.
    const before = await touches();
    expect(before.filter((a) => a === "reconciler.member_removed")).toEqual([]);
    await reconcileAll(deps());
    const again = await reconcileAll(deps());
    expect(again).toMatchObject({ created: 0, stateChanges: 0, added: 0, removed: 0 });
    expect(await memberships()).toEqual({ [hs.botUserId]: "join", [ana.session.userId]: "join", [jan.session.userId]: "join" });
    // The sweeps wrote nothing to the room: no state, no member added or removed.
    expect((await touches()).slice(before.length)).toEqual([]);
  });

  it("only with another vetted person: not oneself, not a nominee, not someone unknown (problem+json)", async () => {
    const nominee = await api(plane, "POST", "/api/nominations", {
      token: officer.token,
      body: { email: `nominee-${Date.now()}@gob.cl`, fullName: "Not Yet Vetted", memberState: "CL", roles: [role.focal("CL", "tourism")] },
    });
    expect(nominee.status).toBe(201);
    for (const withId of [ana.personId, nominee.body.id, randomUUID()]) {
      const r = await start(ana, withId);
      expect(r.status, withId).toBe(422);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(r.body.type).toBe(`${PROBLEM}conversation-not-allowed`);
    }
    expect((await start(ana, "not-a-uuid")).body.type).toBe(`${PROBLEM}validation-failed`);
    expect((await plane.ctx.db.query("SELECT count(*)::int AS n FROM direct_conversations")).rows[0].n).toBe(1);
  });

  it("a suspended person is put out of the conversation, cannot come back or start one; a reconcile keeps it so; reinstated, they are back", async () => {
    expect((await api(plane, "POST", `/api/people/${jan.personId}/suspend`, { token: officer.token, body: { reason: "test" } })).status).toBe(200);
    await eventually(memberships, (m) => m[jan.session.userId] === "leave" && m[ana.session.userId] === "join", 30_000, 100);

    // Their account is locked: neither the homeserver nor the control plane answers them.
    // (Asked of the homeserver itself: the SDK's joinRoom answers from its cache for a room it thinks it is in.)
    await expect(jan.session.client.http.authedRequest(Method.Post, `/join/${encodeURIComponent(roomId)}`, undefined, {})).rejects.toThrow();
    const refused = await start(jan, ana.personId);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    // Nor can anyone start a new one with them, and the conversation shows them as no longer vetted.
    expect((await start(bea, jan.personId)).body.type).toBe(`${PROBLEM}conversation-not-allowed`);
    expect((await listOf(ana)).body[0].with.active).toBe(false);

    // The sweep neither brings the suspended person back nor removes the one still vetted.
    const report = await reconcileAll(deps());
    expect(report.added).toBe(0);
    expect(await memberships()).toMatchObject({ [hs.botUserId]: "join", [ana.session.userId]: "join", [jan.session.userId]: "leave" });

    // Reinstatement: the registry calls for them again, and the reconciler brings them back.
    expect((await api(plane, "POST", `/api/people/${jan.personId}/reinstate`, { token: officer.token, body: { reason: "cleared" } })).status).toBe(200);
    await eventually(memberships, (m) => m[jan.session.userId] === "join", 30_000, 100);
  });
});
