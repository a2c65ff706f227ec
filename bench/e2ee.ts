import { MatrixEventEvent, RoomEvent, type MatrixEvent, type Room } from "matrix-js-sdk";
import { startTestSynapse } from "../tests/helpers/synapse.js";
import { startTestPlane, actor, role } from "../tests/helpers/control-plane.js";
import { roomsReady } from "../tests/helpers/e2ee.js";
import { ControlPlaneClient } from "../shared/matrix/control-plane.js";
import { signInThroughControlPlane, type EnlaceSession } from "../shared/matrix/session.js";
import { buildEventContent } from "../shared/content/event.js";
import { EXAMPLES } from "../shared/content/examples.js";
import { summarize, round } from "./lib/stats.js";

/** Resolves with the time at which `session` has the event decrypted (or received, if plain). */
function whenReadable(s: EnlaceSession, roomId: string, match: (e: MatrixEvent) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const onTimeline = (e: MatrixEvent, room: Room | undefined) => {
      if (room?.roomId !== roomId || !match(e)) return;
      s.client.off(RoomEvent.Timeline, onTimeline);
      const done = () => { if (!e.isBeingDecrypted() && !e.isDecryptionFailure() && e.getClearContent() !== null) { e.off(MatrixEventEvent.Decrypted, done); resolve(performance.now()); } };
      if (!e.isEncrypted()) return resolve(performance.now());
      e.on(MatrixEventEvent.Decrypted, done);
      done();
    };
    s.client.on(RoomEvent.Timeline, onTimeline);
  });
}

export async function benchE2ee(pgAdminUrl: string, log: (s: string) => void, maxN = 200) {
  const figures: Record<string, number> = {};
  const hs = await startTestSynapse();
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false, synapse: hs });
  const sessions: EnlaceSession[] = [];
  try {
    await roomsReady(plane);
    const rss0 = process.memoryUsage().rss;
    log(`e2ee: signing in ${maxN + 1} clients (each its own device, cross-signed)…`);
    const make = async (i: number) => {
      const a = await actor(plane, [role.focal(["CL", "JM", "BR", "MX", "CO"][i % 5], "tourism")], ["CL", "JM", "BR", "MX", "CO"][i % 5]);
      const cp = new ControlPlaneClient(plane.url, a.token);
      const s = await signInThroughControlPlane(cp, { deviceName: `bench-${i}` });
      await s.client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: async (mk) => { await mk(null); } });
      return s;
    };
    for (let i = 0; i <= maxN; i += 20) sessions.push(...(await Promise.all(Array.from({ length: Math.min(20, maxN + 1 - i) }, (_, k) => make(i + k)))));
    // Resident memory added per headless client, with all clients synced in one Node process.
    if (global.gc) global.gc();
    figures.client_peak_rss_mb = round(Math.max(0, process.memoryUsage().rss - rss0) / 1024 / 1024 / sessions.length, 1);
    figures.process_rss_mb = round(process.memoryUsage().rss / 1024 / 1024, 0);
    const [sender, ...recipients] = sessions;
    const admin = hs.admin;

    // Bench rooms made by the registry bot: encrypted ones of 50/100/200 recipients and a plain one.
    const makeRoom = async (encrypted: boolean, members: EnlaceSession[]) => {
      const { room_id } = await admin.createRoom({ preset: "private_chat", room_version: "12", initial_state: encrypted ? [{ type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }] : [] });
      for (const m of [sender, ...members]) await admin.adminJoin(room_id, m.userId);
      // Every client must have the room before timing starts.
      for (const m of [sender, ...members]) while (m.client.getRoom(room_id)?.getMyMembership() !== "join") await new Promise((r) => setTimeout(r, 20));
      return room_id;
    };
    const send = (roomId: string, tag: string) => sender.client.sendEvent(roomId, "m.room.message" as any, buildEventContent("alert", { ...EXAMPLES.alert, title: tag }, { roomCeiling: "AMBER" }) as any);
    const fanOut = async (roomId: string, members: EnlaceSession[], tag: string) => {
      const t0 = performance.now();
      const waits = members.map((m) => whenReadable(m, roomId, (e) => e.getSender() === sender.userId && (e.isEncrypted() ? true : e.getContent()["org.oas.enlace.alert"]?.title === tag)));
      await send(roomId, tag);
      const times = await Promise.all(waits);
      return Math.max(...times) - t0;                 // until ALL have it readable
    };

    for (const n of [50, 100, 200].filter((x) => x <= maxN)) {
      const members = recipients.slice(0, n);
      const enc = await makeRoom(true, members);
      const plain = await makeRoom(false, members);
      const cold = await fanOut(enc, members, `cold-${n}`);      // first message: new Olm sessions to every device
      const warm: number[] = [], flat: number[] = [];
      for (let k = 0; k < 10; k++) {
        warm.push(await fanOut(enc, members, `warm-${n}-${k}`));
        flat.push(await fanOut(plain, members, `plain-${n}-${k}`));
      }
      const w = summarize(warm), p = summarize(flat);
      log(`e2ee: fan-out to ${n}: encrypted p50 ${round(w.p50, 0)} ms p99 ${round(w.p99, 0)} ms; plain p50 ${round(p.p50, 0)} ms p99 ${round(p.p99, 0)} ms; cold first message ${round(cold, 0)} ms`);
      figures[`fanout_${n}_p50_ms`] = round(w.p50, 1);
      figures[`fanout_${n}_p99_ms`] = round(w.p99, 1);
      figures[`fanout_${n}_ratio_vs_plain`] = round(w.p50 / p.p50);
      figures[`fanout_${n}_cold_ratio_vs_warm`] = round(cold / w.p50);
    }

    // One alert to one peer: send → decrypted, beside plain send → synced.
    const peer = recipients[0];
    const enc1 = await makeRoom(true, [peer]);
    const plain1 = await makeRoom(false, [peer]);
    const one: number[] = [], onePlain: number[] = [];
    await fanOut(enc1, [peer], "warmup");
    for (let k = 0; k < 50; k++) {
      one.push(await fanOut(enc1, [peer], `one-${k}`));
      onePlain.push(await fanOut(plain1, [peer], `one-plain-${k}`));
    }
    const o = summarize(one), op = summarize(onePlain);
    figures.alert_p99_ms = round(o.p99, 1);
    figures.alert_plain_p99_ms = round(op.p99, 1);
    figures.alert_p99_ratio_vs_plain = round(o.p99 / op.p99);
    log(`e2ee: one alert p99 ${figures.alert_p99_ms} ms vs plain ${figures.alert_plain_p99_ms} ms; memory ≈ ${figures.client_peak_rss_mb} MB per client`);
  } finally {
    for (const s of sessions) s.stop();
    await plane.close();
    await hs.close();
  }
  return figures;
}
