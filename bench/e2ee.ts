import { startTestSynapse } from "../tests/helpers/synapse.js";
import { startTestPlane, actor, role } from "../tests/helpers/control-plane.js";
import { roomsReady } from "../tests/helpers/e2ee.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { loginThroughControlPlane, openSession, type EnlaceSession } from "#shared/matrix/session.js";
import { buildEventContent } from "#shared/content/event.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { summarize, round } from "./lib/stats.js";
import { whenReadable, synapseDatabase, inBatches } from "./lib/matrix.js";

export type BenchSynapseDb = "postgres" | "sqlite";

export async function benchE2ee(pgAdminUrl: string, log: (s: string) => void, maxN = 200, db: BenchSynapseDb = "postgres") {
  const figures: Record<string, number> = {};
  const t0 = performance.now();
  const database = db === "postgres" ? await synapseDatabase(pgAdminUrl) : undefined;
  const hs = await startTestSynapse({ database });
  log(`e2ee: Synapse on ${db} started in ${round((performance.now() - t0) / 1000, 1)} s`);
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false, synapse: hs });
  const sessions: EnlaceSession[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    await roomsReady(plane);
    const ns = [200, 100, 50].filter((x) => x <= maxN);
    const count = Math.max(...ns, 1) + 1;
    const states = ["CL", "JM", "BR", "MX", "CO"];

    // Accounts and devices first, rooms and memberships next, clients last: a client syncing while
    // 200 others join its rooms would spend the set-up on quadratic membership traffic.
    log(`e2ee: ${count} vetted people sign in (each its own device)…`);
    const logins = await inBatches(
      Array.from({ length: count }, (_, i) => i),
      10,
      async (i) => {
        const a = await actor(plane, [role.focal(states[i % 5], "tourism")], states[i % 5]);
        return loginThroughControlPlane(new ControlPlaneClient(plane.url, a.token), { deviceName: `bench-${i}` });
      },
    );
    const [senderLogin, ...others] = logins;
    const admin = hs.admin;
    const makeRoom = async (encrypted: boolean, members: typeof logins) => {
      const { room_id } = await admin.createRoom({
        preset: "private_chat",
        room_version: "12",
        initial_state: encrypted ? [{ type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }] : [],
      });
      for (const m of [senderLogin, ...members]) await admin.adminJoin(room_id, m.userId);
      return room_id as string;
    };
    log(`e2ee: bench rooms of ${ns.join(", ")} recipients (encrypted and plain) and of one…`);
    const rooms = await Promise.all(
      ns.map(async (n) => ({ n, enc: await makeRoom(true, others.slice(0, n)), plain: await makeRoom(false, others.slice(0, n)) })),
    );
    const [enc1, plain1] = await Promise.all([makeRoom(true, others.slice(0, 1)), makeRoom(false, others.slice(0, 1))]);

    log(`e2ee: starting ${count} clients with Rust crypto and cross-signing them…`);
    const rss0 = process.memoryUsage().rss;
    // Lazy-loaded members keep 201 initial syncs of 200-member rooms small; the sender loads the
    // members of a room before sharing its key. The homeserver is shared with every client here, so
    // an initial sync may wait long under load.
    sessions.push(
      ...(await inBatches(logins, 10, async (l, i) => {
        const s = await openSession({ ...l, lazyLoadMembers: true, initialSyncTimeoutMs: 600_000 });
        if ((i + 1) % 50 === 0) log(`e2ee: ${i + 1} clients synced`);
        return s;
      })),
    );
    await inBatches(sessions, 10, (s) =>
      s.client.getCrypto()!.bootstrapCrossSigning({
        authUploadDeviceSigningKeys: async (mk) => {
          await mk(null);
        },
      }),
    );
    // Resident memory per headless client once synced and cross-signed, all in this one Node process.
    figures.client_rss_mb = round(Math.max(0, process.memoryUsage().rss - rss0) / 1024 / 1024 / sessions.length, 1);
    const [sender, ...recipients] = sessions;
    const allIn = (roomId: string, members: EnlaceSession[]) =>
      Promise.all(
        members.map(async (m) => {
          while (m.client.getRoom(roomId)?.getMyMembership() !== "join") await new Promise((r) => setTimeout(r, 50));
        }),
      );

    const send = (roomId: string, tag: string) =>
      sender.client.sendEvent(roomId, "m.room.message" as any, buildEventContent("alert", { ...EXAMPLES.alert, title: tag }, { roomCeiling: "AMBER" }) as any);
    const fanOut = async (roomId: string, members: EnlaceSession[], tag: string) => {
      const start = performance.now();
      const waits = members.map((m) =>
        whenReadable(m, roomId, (e) => e.getSender() === sender.userId && (e.isEncrypted() ? true : e.getContent()["org.oas.enlace.alert"]?.title === tag)),
      );
      await send(roomId, tag);
      const times = await Promise.all(waits);
      return Math.max(...times) - start; // until ALL have it readable
    };

    // Largest first, so its first message is truly cold: new Olm sessions to every device.
    for (const { n, enc, plain } of rooms) {
      const members = recipients.slice(0, n);
      await allIn(enc, [sender, ...members]);
      await allIn(plain, [sender, ...members]);
      const first = await fanOut(enc, members, `first-${n}`);
      const warm: number[] = [],
        flat: number[] = [];
      for (let k = 0; k < 10; k++) {
        warm.push(await fanOut(enc, members, `warm-${n}-${k}`));
        flat.push(await fanOut(plain, members, `plain-${n}-${k}`));
      }
      const w = summarize(warm),
        p = summarize(flat);
      log(
        `e2ee: fan-out to ${n}: encrypted p50 ${round(w.p50, 0)} ms p99 ${round(w.p99, 0)} ms; plain p50 ${round(p.p50, 0)} ms p99 ${round(p.p99, 0)} ms; first message ${round(first, 0)} ms`,
      );
      figures[`fanout_${n}_p50_ms`] = round(w.p50, 1);
      figures[`fanout_${n}_p99_ms`] = round(w.p99, 1);
      figures[`fanout_${n}_plain_p50_ms`] = round(p.p50, 1);
      figures[`fanout_${n}_plain_p99_ms`] = round(p.p99, 1);
      figures[`fanout_${n}_ratio_vs_plain`] = round(w.p50 / p.p50);
      figures[`fanout_${n}_p99_ratio_vs_plain`] = round(w.p99 / p.p99);
      // Only the first room's first message needs new Olm sessions; later rooms only a new Megolm session.
      figures[n === rooms[0].n ? `fanout_${n}_cold_ratio_vs_warm` : `fanout_${n}_new_room_key_ratio_vs_warm`] = round(first / w.p50);
    }

    // One alert to one peer: send → decrypted, beside plain send → synced. The other clients are
    // stopped first: their syncs would be noise in a two-party measurement.
    const peer = recipients[0];
    for (const s of recipients.slice(1)) s.stop();
    await allIn(enc1, [sender, peer]);
    await allIn(plain1, [sender, peer]);
    const one: number[] = [],
      onePlain: number[] = [];
    await fanOut(enc1, [peer], "warmup");
    for (let k = 0; k < 50; k++) {
      one.push(await fanOut(enc1, [peer], `one-${k}`));
      onePlain.push(await fanOut(plain1, [peer], `one-plain-${k}`));
    }
    const o = summarize(one),
      op = summarize(onePlain);
    figures.alert_p99_ms = round(o.p99, 1);
    figures.alert_plain_p99_ms = round(op.p99, 1);
    figures.alert_p99_ratio_vs_plain = round(o.p99 / op.p99);
    figures.e2ee_clients = sessions.length;
    // The peak over set-up and every fan-out, per client (the sampler reads RSS every 100 ms).
    figures.client_peak_rss_mb = round(Math.max(0, peakRss - rss0) / 1024 / 1024 / sessions.length, 1);
    log(
      `e2ee: one alert p99 ${figures.alert_p99_ms} ms vs plain ${figures.alert_plain_p99_ms} ms; memory ≈ ${figures.client_peak_rss_mb} MB per client at peak`,
    );
  } finally {
    clearInterval(sampler);
    for (const s of sessions) s.stop();
    await plane.close();
    await hs.close();
    await database?.drop();
  }
  return figures;
}
