import { startTestSynapse } from "../tests/helpers/synapse.js";
import { startTestPlane, api, actor, role } from "../tests/helpers/control-plane.js";
import { membershipDrift, seedBulkPeople } from "../tests/helpers/room-check.js";
import { reconcileAll } from "#server/domain/rooms/reconcile.js";
import { loadSnapshot } from "#server/domain/rooms/repo.js";
import { desiredRooms } from "#server/domain/rooms/desired.js";
import { managedState } from "#server/domain/rooms/room-state.js";
import { credentialFor } from "#server/domain/credentials/service.js";
import { credentialStateKey } from "#shared/credentials/credential.js";
import { type SynapseAdmin, mintLoginGrant } from "#server/synapse/admin-client.js";
import { summarize, round } from "./lib/stats.js";
import { pgReconcileDeps } from "#server/domain/rooms/registry-port.js";

/**
 * The floor: the same Synapse calls the reconciler makes for an empty-to-full onboarding, issued
 * directly by a minimal script with the answers precomputed (no registry reads, no diffing, no audit).
 */
async function floorOnboarding(admin: SynapseAdmin, serverName: string, plan: Awaited<ReturnType<typeof planFrom>>) {
  const t0 = performance.now();
  const ids = new Map<string, string>();
  for (const room of plan.rooms) {
    const state = managedState(room).filter((e) => !["m.room.power_levels", "m.room.name", "m.room.topic"].includes(e.type));
    const { room_id } = await admin.createRoom({
      preset: "private_chat",
      visibility: "private",
      name: room.name,
      topic: room.topic,
      room_version: "12",
      room_alias_name: `floor.${room.key.replace(/[^a-z0-9-]/g, ".")}`,
      power_level_content_override: room.powerLevels,
      initial_state: state.map((e) => ({ type: e.type, state_key: e.stateKey, content: e.content })),
      ...(room.kind === "space" ? { creation_content: { type: "m.space" } } : {}),
    });
    ids.set(room.key, room_id);
  }
  const space = ids.get("space")!;
  for (const room of plan.rooms)
    if (room.kind !== "space") await admin.putState(space, "m.space.child", ids.get(room.key)!, { via: [serverName], suggested: true });
  for (const room of plan.rooms)
    if (room.kind !== "space") await admin.putState(ids.get(room.key)!, "m.space.parent", space, { via: [serverName], canonical: true });
  const created = new Set<string>();
  for (const room of plan.rooms) {
    for (const userId of room.members.keys()) {
      if (userId === plan.bot) continue;
      if (!created.has(userId)) {
        await admin.upsertUser(userId, {});
        created.add(userId);
      }
      await admin.adminJoin(ids.get(room.key)!, userId);
    }
  }
  for (const [userId, cred] of plan.credentials) await admin.putState(space, "org.oas.enlace.credential", credentialStateKey(userId), cred);
  return performance.now() - t0;
}

async function planFrom(plane: Awaited<ReturnType<typeof startTestPlane>>, serverName: string, bot: string) {
  const snapshot = await loadSnapshot(plane.ctx.db, { secretariatServer: serverName, botUserId: bot, today: new Date().toISOString().slice(0, 10) });
  const credentials = new Map<string, unknown>();
  for (const p of snapshot.people) credentials.set(p.matrixUserId!, await credentialFor(plane.ctx, p.matrixUserId!));
  return { rooms: desiredRooms(snapshot), credentials, bot };
}

export async function benchHomeserver(pgAdminUrl: string, log: (s: string) => void, people = 1000) {
  const figures: Record<string, number> = {};
  // Start-up of a test Synapse from the migrated template.
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startTestSynapse();
    starts.push(s.startMs);
    await s.close();
  }
  figures.synapse_test_start_ms = summarize(starts).p50;
  log(`homeserver: test Synapse start from template p50 ${figures.synapse_test_start_ms} ms (${starts.join(", ")})`);

  // Onboarding: Enlace's reconciler on one Synapse, the floor script on another, same registry.
  const hsA = await startTestSynapse();
  const hsB = await startTestSynapse();
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false, synapse: hsA });
  try {
    await plane.link!.reconciler.stop(); // measure the reconciler itself, not the job loop
    await seedBulkPeople(plane.ctx, people, hsA.serverName, "p");
    const deps = pgReconcileDeps(plane.ctx, plane.link!.hs);
    log(`homeserver: onboarding ${people} people through the reconciler…`);
    let t = performance.now();
    const first = await reconcileAll(deps);
    const enlaceMs = performance.now() - t;
    const drift = await membershipDrift(plane.ctx, hsA.admin, hsA.serverName, hsA.botUserId);
    if (drift.length) throw new Error(`not converged: ${JSON.stringify(drift.slice(0, 3))}`);
    t = performance.now();
    const second = await reconcileAll(deps);
    const noopMs = performance.now() - t;
    log(
      `homeserver: reconciler ${round(enlaceMs, 0)} ms (${first.added} joins, ${first.created} rooms, ${first.credentials} credentials); no-op run ${round(noopMs, 0)} ms (${second.added + second.removed + second.stateChanges} changes)`,
    );

    // The floor uses hsB with the same plan, rewritten for its own bot.
    const plan = await planFrom(plane, hsB.serverName, hsB.botUserId);
    for (const r of plan.rooms) {
      const lvl = r.members.get(hsA.botUserId);
      if (lvl !== undefined) {
        r.members.delete(hsA.botUserId);
        r.members.set(hsB.botUserId, lvl);
      }
    }
    const floorMs = await floorOnboarding(hsB.admin, hsB.serverName, plan);
    log(`homeserver: floor script ${round(floorMs, 0)} ms`);
    figures.onboarding_1000_ratio_vs_floor = round(enlaceMs / floorMs);
    figures.onboarding_ms = round(enlaceMs, 0);
    figures.onboarding_floor_ms = round(floorMs, 0);
    figures.noop_reconcile_ratio = round(noopMs / enlaceMs, 4);

    // Revocation latency: API call → token rejected and out of every room.
    const officerRoles = ["tourism", "maritime", "aviation", "cybersecurity", "crowded-spaces", "large-meetings"];
    const officer = await actor(
      plane,
      officerRoles.map((p) => role.officer(p)),
      null,
    );
    await plane.link!.reconciler.stop();
    const restarted = await (await import("#server/jobs/reconciler.js")).startReconciler(plane.ctx, plane.link!.boss, plane.link!.hs);
    const latencies: number[] = [];
    const roomList: string[] = (await plane.ctx.db.query("SELECT room_id FROM matrix_rooms")).rows.map((x) => x.room_id);
    const roomCounts: number[] = [];
    const admin = hsA.admin;
    for (let i = 0; i < 50; i++) {
      const fp = await actor(
        plane,
        officerRoles.map((p) => role.focal("CL", p)),
        "CL",
      );
      const userId = (await plane.ctx.db.query("SELECT matrix_user_id FROM people WHERE id = $1", [fp.id])).rows[0].matrix_user_id;
      const expected = 2 + officerRoles.length * 2;
      // Wait until they are in all their rooms, then sign them in to Matrix.
      for (let k = 0; k < 400 && (await admin.joinedRooms(userId)).joined_rooms.length < expected; k++) await new Promise((r) => setTimeout(r, 25));
      const login = await admin.loginWithGrant(await mintLoginGrant(hsA.jwtSecret, userId.slice(1, userId.indexOf(":"))));
      roomCounts.push((await admin.joinedRooms(userId)).joined_rooms.length);
      const t0 = performance.now();
      const r = await api(plane, "POST", `/api/people/${fp.id}/revoke`, { token: officer.token, body: { reason: "bench" } });
      if (r.status !== 200) throw new Error(`revoke failed ${r.status}`);
      // Cheap polling (two requests) so the measurement does not load Synapse itself.
      for (;;) {
        const [tokenDead, joinedNow] = await Promise.all([
          admin.whoami(login.access_token).then(
            () => false,
            () => true,
          ),
          admin.joinedRooms(userId).then(
            (x) => x.joined_rooms.length,
            () => 0,
          ),
        ]);
        if (tokenDead && joinedNow === 0) break;
        if (performance.now() - t0 > 15_000) throw new Error("revocation did not complete within 15 s");
        await new Promise((r2) => setTimeout(r2, 5));
      }
      latencies.push(performance.now() - t0);
      // Not timed: confirm with every room's member list.
      const still = await Promise.all(roomList.map(async (id) => (await admin.roomMembers(id)).members.includes(userId)));
      if (still.some(Boolean)) throw new Error("a revoked person is still in a room");
    }
    await restarted.stop();
    const s = summarize(latencies);
    figures.revocation_p50_ms = round(s.p50, 1);
    figures.revocation_p99_ms = round(s.p99, 1);
    log(
      `homeserver: revocation (token rejected + out of all ${summarize(roomCounts).p50} rooms) p50 ${figures.revocation_p50_ms} ms p99 ${figures.revocation_p99_ms} ms over ${latencies.length}`,
    );
  } finally {
    await plane.close();
    await hsA.close();
    await hsB.close();
  }
  return figures;
}
