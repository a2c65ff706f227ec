// The sender's side of a hemisphere-wide advisory, measured on its own: N recipient devices made
// cheaply (real Olm device keys and one-time keys uploaded, cross-signed by their owner, but no sync
// loop), then one real Rust-crypto sender timing its first message (new Olm sessions to every device),
// warm messages, a new room key, and a send after the key was pre-shared (prepareToEncrypt, as the
// composer does when it opens). A few real recipient clients check that what was timed decrypts.
import * as RustSdkCryptoJs from "@matrix-org/matrix-sdk-crypto-wasm";
import { createClient, type MatrixClient } from "matrix-js-sdk";
import { OutgoingRequestProcessor } from "matrix-js-sdk/lib/rust-crypto/OutgoingRequestProcessor.js";
import { startTestSynapse, type TestSynapse } from "../tests/helpers/synapse.js";
import { mintLoginGrant } from "#server/synapse/admin-client.js";
import { openSession, quietLogger, type EnlaceSession } from "#shared/matrix/session.js";
import { buildEventContent } from "#shared/content/event.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { summarize, round } from "./lib/stats.js";
import { whenReadable, synapseDatabase, inBatches } from "./lib/matrix.js";

interface Login {
  userId: string;
  deviceId: string;
  accessToken: string;
}

const noUia = async <T>(makeRequest: (auth: null) => Promise<T>) => makeRequest(null);

/** Sends every request an OlmMachine has queued, through the SDK's own request processor. */
async function flush(machine: RustSdkCryptoJs.OlmMachine, processor: OutgoingRequestProcessor) {
  for (const r of await machine.outgoingRequests()) await processor.makeOutgoingRequest(r);
}

function httpFor(hs: TestSynapse, l: Login): { client: MatrixClient; processor: (m: RustSdkCryptoJs.OlmMachine) => OutgoingRequestProcessor } {
  const client = createClient({ baseUrl: hs.url, userId: l.userId, deviceId: l.deviceId, accessToken: l.accessToken, logger: quietLogger });
  return { client, processor: (m) => new OutgoingRequestProcessor(quietLogger, m, client.http as any) };
}

/**
 * One person with two devices, both with real device and one-time keys on the homeserver, and both
 * signed by the person's self-signing key — what the sender's OnlySignedDevicesIsolationMode needs.
 * The Olm machines are closed afterwards: nothing here syncs or decrypts.
 */
async function headlessPerson(hs: TestSynapse, name: string): Promise<Login[]> {
  const a = await hs.admin.register(hs.registrationSharedSecret, name, false);
  const b = await hs.admin.loginWithGrant(await mintLoginGrant(hs.jwtSecret, name), "second device");
  const devices = [
    { userId: a.user_id, deviceId: a.device_id, accessToken: a.access_token },
    { userId: b.user_id, deviceId: b.device_id, accessToken: b.access_token },
  ];
  const user = new RustSdkCryptoJs.UserId(a.user_id);
  const machines = await Promise.all(devices.map((d) => RustSdkCryptoJs.OlmMachine.initialize(user, new RustSdkCryptoJs.DeviceId(d.deviceId))));
  try {
    const [pa, pb] = devices.map((d, i) => httpFor(hs, d).processor(machines[i]));
    await flush(machines[1], pb); // device keys and one-time keys of the second device
    await flush(machines[0], pa);
    const boot = await machines[0].bootstrapCrossSigning(true);
    if (boot.uploadKeysRequest) await pa.makeOutgoingRequest(boot.uploadKeysRequest);
    await pa.makeOutgoingRequest(boot.uploadSigningKeysRequest, noUia);
    await pa.makeOutgoingRequest(boot.uploadSignaturesRequest);
    await machines[0].updateTrackedUsers([user.clone()]);
    await flush(machines[0], pa); // the key query that shows device A the second device
    const second = await machines[0].getDevice(user.clone(), new RustSdkCryptoJs.DeviceId(b.device_id));
    if (!second) throw new Error(`keyshare bench: ${name}'s second device is not known to the first`);
    await pa.makeOutgoingRequest(await second.verify());
  } finally {
    for (const m of machines) m.close();
  }
  return devices;
}

async function realClient(hs: TestSynapse, name: string): Promise<EnlaceSession> {
  const r = await hs.admin.register(hs.registrationSharedSecret, name, false);
  const s = await openSession({
    baseUrl: hs.url,
    userId: r.user_id,
    deviceId: r.device_id,
    accessToken: r.access_token,
    secretariatKeys: [],
    lazyLoadMembers: true,
  });
  await s.client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: noUia });
  return s;
}

/** Waits for the room's pending key share (prepareToEncrypt starts it and returns at once). */
async function prepared(s: EnlaceSession, roomId: string): Promise<number> {
  const t0 = performance.now();
  const crypto = s.client.getCrypto()!;
  crypto.prepareToEncrypt(s.client.getRoom(roomId)!);
  // The SDK exposes no promise for it; its room encryptor queues every share on this one.
  const encryptor = (crypto as unknown as { roomEncryptors?: Record<string, { currentEncryptionPromise?: Promise<void> }> }).roomEncryptors?.[roomId];
  if (!encryptor?.currentEncryptionPromise) throw new Error("keyshare bench: the SDK's room encryptor changed shape; update prepared()");
  await encryptor.currentEncryptionPromise;
  return performance.now() - t0;
}

export async function benchKeyshare(pgAdminUrl: string, log: (s: string) => void, people = 1000) {
  const figures: Record<string, number> = {};
  await RustSdkCryptoJs.initAsync();
  const database = await synapseDatabase(pgAdminUrl, "synapse_keyshare");
  const hs = await startTestSynapse({ database });
  const sessions: EnlaceSession[] = [];
  try {
    const devices = people * 2;
    const tag = `${devices}`;
    const t0 = performance.now();
    log(`keyshare: ${people} headless people with two cross-signed devices each…`);
    const logins = (
      await inBatches(
        Array.from({ length: people }, (_, i) => i),
        8,
        async (i) => {
          const d = await headlessPerson(hs, `p${i}`);
          if ((i + 1) % 200 === 0) log(`keyshare: ${i + 1} people ready`);
          return d;
        },
      )
    ).flat();
    log(`keyshare: ${logins.length} devices in ${round((performance.now() - t0) / 1000, 1)} s; sender and 3 real readers…`);
    const sender = await realClient(hs, "sender");
    const readers = await Promise.all([0, 1, 2].map((i) => realClient(hs, `reader${i}`)));
    sessions.push(sender, ...readers);

    const makeRoom = async (encrypted: boolean) => {
      // Made by the homeserver's admin (as the registry bot makes rooms), so it can force-join everyone.
      const { room_id } = await hs.admin.createRoom({
        preset: "private_chat",
        room_version: "12",
        initial_state: encrypted ? [{ type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }] : [],
      });
      await hs.admin.adminJoin(room_id, sender.userId);
      const members = [...logins.filter((_, i) => i % 2 === 0), ...readers.map((r) => ({ userId: r.userId }))];
      await inBatches(members, 16, (m) => hs.admin.adminJoin(room_id, m.userId));
      while ((sender.client.getRoom(room_id)?.getJoinedMemberCount() ?? 0) < members.length + 2) await new Promise((r) => setTimeout(r, 200));
      return room_id;
    };
    const t1 = performance.now();
    const enc = await makeRoom(true);
    const plain = await makeRoom(false);
    log(`keyshare: two rooms of ${people + 5} members in ${round((performance.now() - t1) / 1000, 1)} s`);

    const content = (title: string) => buildEventContent("alert", { ...EXAMPLES.alert, title }, { roomCeiling: "AMBER" }) as never;
    const allRead = (roomId: string) =>
      Promise.all(
        readers.map((r) =>
          Promise.race([
            whenReadable(r, roomId, (e) => e.getSender() === sender.userId),
            new Promise<number>((res) => setTimeout(() => res(Number.NaN), 60_000)),
          ]),
        ),
      );
    const sendTimed = async (roomId: string, title: string) => {
      const read = allRead(roomId);
      const t = performance.now();
      await sender.client.sendEvent(roomId, "m.room.message" as never, content(title));
      const ms = performance.now() - t;
      const times = await read;
      return { ms, readByAll: times.every((x) => Number.isFinite(x)) };
    };
    let decrypted = 0,
      checked = 0;
    const note = (r: { readByAll: boolean }) => {
      checked++;
      if (r.readByAll) decrypted++;
    };

    // Floor: the same message, unencrypted, to the same number of people.
    const flat: number[] = [];
    for (let k = 0; k < 10; k++) flat.push((await sendTimed(plain, `plain-${k}`)).ms);
    const cold = await sendTimed(enc, "cold");
    note(cold);
    const warm: number[] = [];
    for (let k = 0; k < 10; k++) {
      const r = await sendTimed(enc, `warm-${k}`);
      note(r);
      warm.push(r.ms);
    }
    await sender.client.getCrypto()!.forceDiscardSession(enc);
    const newKey = await sendTimed(enc, "new room key");
    note(newKey);
    const afterPrepare: number[] = [];
    const prepare: number[] = [];
    for (let k = 0; k < 5; k++) {
      await sender.client.getCrypto()!.forceDiscardSession(enc);
      prepare.push(await prepared(sender, enc));
      const r = await sendTimed(enc, `after-prepare-${k}`);
      note(r);
      afterPrepare.push(r.ms);
    }
    const p = summarize(flat),
      w = summarize(warm),
      a = summarize(afterPrepare),
      pr = summarize(prepare);
    figures[`keyshare_cold_${tag}_ms`] = round(cold.ms, 0);
    figures[`send_warm_${tag}_ms`] = round(w.p50, 1);
    figures[`send_new_room_key_${tag}_ms`] = round(newKey.ms, 0);
    figures[`prepare_${tag}_ms`] = round(pr.p50, 0);
    figures[`send_after_prepare_${tag}_ms`] = round(a.p50, 1);
    figures[`send_plain_${tag}_ms`] = round(p.p50, 1);
    figures[`keyshare_cold_${tag}_ratio_vs_plain`] = round(cold.ms / p.p50, 2);
    figures[`send_warm_${tag}_ratio_vs_plain`] = round(w.p50 / p.p50, 2);
    figures[`send_after_prepare_${tag}_ratio_vs_plain`] = round(a.p50 / p.p50, 2);
    figures.keyshare_sample_decrypted = round(decrypted / checked, 3);
    log(
      `keyshare: ${devices} devices: cold ${figures[`keyshare_cold_${tag}_ms`]} ms, warm ${figures[`send_warm_${tag}_ms`]} ms, new room key ${figures[`send_new_room_key_${tag}_ms`]} ms, prepare ${figures[`prepare_${tag}_ms`]} ms then send ${figures[`send_after_prepare_${tag}_ms`]} ms; plain ${figures[`send_plain_${tag}_ms`]} ms; ${decrypted}/${checked} sends read by all 3 real readers`,
    );
  } finally {
    for (const s of sessions) s.stop();
    await hs.close();
    await database.drop();
  }
  return figures;
}
