import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { MatrixEventEvent, type MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, type TestPlane } from "../../helpers/control-plane.js";
import { acquaintedMembers, roomsReady, type Member } from "../../helpers/e2ee.js";
import { sendContent } from "#shared/matrix/send.js";
import { readEvent } from "#shared/matrix/receive.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { signInThroughControlPlane, type EnlaceSession } from "#shared/matrix/session.js";
import { restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { concernsSender } from "#shared/matrix/decryption-state.js";
import { buildEventContent } from "#shared/content/event.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { AllDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { Method } from "matrix-js-sdk";

/**
 * Paths 4 and 5 of the delivery issue: a person who restores on a new device with the recovery key
 * reads the alerts sent before, and a verified sender stays verified there (the sending device's
 * signature inside the content proves who wrote it, whatever path the key took); before the
 * restore the missing key is a state about the key, never invalid content nor a verdict on the sender.
 */
describe("decryption states and trust across a restore from the key backup", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member;
  const ROOMS = ["space", "network:tourism"];
  const roomOf = (m: Member) => findRoomByKey(m.session.client, "network:tourism")!.roomId;

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [ana, jan] = await acquaintedMembers(
      plane,
      ROOMS,
      { roles: [role.focal("CL", "tourism")], state: "CL" },
      { roles: [role.focal("JM", "tourism")], state: "JM" },
    );
  }, 300_000);
  afterAll(async () => {
    for (const m of [ana, jan]) m?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  const eventOn = (s: EnlaceSession, roomId: string, eventId: string) =>
    eventually(
      async () => s.client.getRoom(roomId)?.findEventById(eventId),
      (e) => e !== undefined,
      30_000,
      100,
    ).then((x) => x.value as MatrixEvent);

  /** A new device of `who`, restored once its first device has put the room keys in the backup. */
  async function newDevice(who: Member, check: (s: EnlaceSession, roomId: string) => Promise<void>) {
    const laptop = await signInThroughControlPlane(who.cp, { deviceName: "new laptop" });
    try {
      await waitForRoom(laptop.client, "network:tourism", 60_000);
      await check(laptop, roomOf(who));
    } finally {
      laptop.stop();
    }
  }

  it("a person's own verified alert is readable and verified on a new device restored with the recovery key; before that, the missing key is a state", async () => {
    const roomId = roomOf(ana);
    const signedId = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "Sent before the new laptop" });
    // What another client (or an older Enlace) sends: no device signature inside the content.
    const plain = buildEventContent("alert", { ...EXAMPLES.alert, title: "Sent without a device signature" }, { roomCeiling: "AMBER" });
    const unsignedId = (await ana.session.client.sendEvent(roomId, "m.room.message" as any, plain as any)).event_id;
    expect((await readEvent(ana.session, await eventOn(ana.session, roomId, signedId))).trust).toMatchObject({ level: "verified", memberState: "CL" });

    await newDevice(ana, async (laptop) => {
      const signed = await eventOn(laptop, roomId, signedId);
      // No key yet on this device: a state about the key (a backup exists, this device cannot open it yet).
      const before = await eventually(
        () => readEvent(laptop, signed, 1_000),
        (r) => r.decryption?.state === "backup-locked",
        30_000,
        500,
      ).then((x) => x.value);
      expect(before.decryption).toMatchObject({ state: "backup-locked", code: "HISTORICAL_MESSAGE_BACKUP_UNCONFIGURED", mayResolve: true });
      expect(concernsSender(before.decryption!.state)).toBe(false);
      // The timeline re-reads on this: the SDK re-emits Decrypted, successfully, once the key arrives.
      const decryptedLater = new Promise<boolean>((resolve) => signed.once(MatrixEventEvent.Decrypted, () => resolve(!signed.isDecryptionFailure())));

      await eventually(
        () => restoreFromRecoveryKey(laptop, ana.recoveryKey),
        (r) => r.imported >= 1, // both messages share one Megolm session
        60_000,
        1_000,
      );
      expect(await decryptedLater).toBe(true);
      const after = await readEvent(laptop, signed);
      expect(after.decryption).toBeUndefined();
      expect(after.content).toMatchObject({ status: "valid", kind: "alert", content: { title: "Sent before the new laptop" } });
      expect(after.trust).toMatchObject({ level: "verified", memberState: "CL" });

      // The restore rehydrated Ana's dehydrated device first, which received the key through Olm: its
      // origin is established, so even content without a device signature is verified here.
      const unsigned = await readEvent(laptop, await eventOn(laptop, roomId, unsignedId));
      expect(unsigned.content).toMatchObject({ status: "valid", kind: "alert" });
      expect(unsigned.trust).toMatchObject({ level: "verified", memberState: "CL" });
    });
  }, 240_000);

  it("restored from the key backup alone, a reader sees the sender verified by the device signature; unsigned or tampered content says the key's origin is unknown", async () => {
    const roomId = roomOf(ana);
    const signedId = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "For Jamaica's new laptop" });
    const plain = buildEventContent("alert", { ...EXAMPLES.alert, title: "Unsigned, for Jamaica" }, { roomCeiling: "AMBER" });
    const unsignedId = (await ana.session.client.sendEvent(roomId, "m.room.message" as any, plain as any)).event_id;
    // Jan's first device receives both (through Olm) and backs their key up.
    expect((await readEvent(jan.session, await eventOn(jan.session, roomId, signedId))).trust).toMatchObject({ level: "verified" });
    await newDevice(jan, async (laptop) => {
      const signed = await eventOn(laptop, roomId, signedId);
      await eventually(
        async () => {
          // No rehydration: the keys come from the server-side backup only, which the SDK never authenticates.
          await restoreFromRecoveryKey(laptop, jan.recoveryKey, { dehydrate: false });
          return readEvent(laptop, signed, 2_000);
        },
        (r) => r.content.status === "valid",
        60_000,
        1_000,
      );
      const r = await readEvent(laptop, signed);
      expect(r.trust).toMatchObject({ level: "verified", memberState: "CL" });
      // Without a signature nothing establishes where a backed-up key came from: the card says exactly that.
      const unsigned = await readEvent(laptop, await eventOn(laptop, roomId, unsignedId));
      expect(unsigned.content).toMatchObject({ status: "valid", kind: "alert" });
      expect(unsigned.trust).toMatchObject({ level: "unverified", code: "key-origin-unknown" });
      // The same signature over different content (what a forged backup key would decrypt) does not verify.
      // (getContent returns the decrypted content object itself; changing it stands in for other plaintext.)
      (signed.getContent() as Record<string, unknown>).body = "tampered";
      const tampered = await readEvent(laptop, signed);
      expect(tampered.trust).toMatchObject({ level: "unverified", code: "key-origin-unknown" });
    });
  }, 240_000);

  it("a room key forged in the name of the sender's device, as the homeserver operator could add to a backup, never makes its content verified", async () => {
    const roomId = roomOf(ana);
    // The operator's own device (here: one it made for Jan's account, never cross-signed) writes the
    // content and holds its Megolm session; it sends it once, in the room, to obtain the ciphertext.
    const rogue = await signInThroughControlPlane(jan.cp, { deviceName: "operator's device" });
    rogue.client.getCrypto()!.setDeviceIsolationMode(new AllDevicesIsolationMode(false));
    // The reader's device is made only after the rogue device has sent: otherwise the rogue's client
    // shares its genuine session with it over Olm first, and the forged import (the same session, another
    // sender key) is then refused, so the forgery fails to decrypt instead of reaching the trust check.
    let reader: Awaited<ReturnType<typeof signInThroughControlPlane>> | undefined;
    try {
      await waitForRoom(rogue.client, "network:tourism", 60_000);
      const rogueId = await sendContent(rogue, roomId, "alert", { ...EXAMPLES.alert, title: "Forged in Ana's name" });
      const wire = (await eventOn(ana.session, roomId, rogueId)).getWireContent();
      const session = (await rogue.client.getCrypto()!.exportRoomKeys()).find((k) => k.session_id === wire.session_id)!;
      expect(session).toBeDefined();
      // The forgery: the session claims Ana's device (its keys are public), and the same ciphertext is
      // posted as Ana (the operator can log in as anyone through the admin API; Ana's token stands in).
      const anaKeys = await ana.session.client.getCrypto()!.getOwnDeviceKeys();
      const forgedKey = { ...session, sender_key: anaKeys.curve25519, sender_claimed_keys: { ed25519: anaKeys.ed25519 } };
      const posted = await ana.session.client.http.authedRequest<{ event_id: string }>(
        Method.Put,
        `/rooms/${encodeURIComponent(roomId)}/send/m.room.encrypted/forged-${Date.now()}`,
        undefined,
        { ...wire, sender_key: anaKeys.curve25519, device_id: ana.session.deviceId },
      );
      const laptop = await signInThroughControlPlane(jan.cp, { deviceName: "new laptop" });
      reader = laptop;
      await waitForRoom(laptop.client, "network:tourism", 60_000);
      // What a restore does with a backup entry the operator wrote: the reader's SDK imports the key
      // (keys imported from a backup or a file take the same path: "imported", unauthenticated).
      await laptop.client.getCrypto()!.importRoomKeys([forgedKey]);
      // The event may have failed to decrypt before the import; the SDK retries it once the key is in.
      const forgedEvent = await eventOn(laptop, roomId, posted.event_id);
      const { value: forged } = await eventually(
        () => readEvent(laptop, forgedEvent),
        (r) => r.content.status === "valid",
        30_000,
        300,
      );
      expect(forged.sender).toBe(ana.session.userId);
      // The SDK decrypts it under Ana's name, only marking the key's authenticity not guaranteed; Ana's
      // device never signed this content, so it is not verified, and the card says the key's origin is unproven.
      expect(forged.content).toMatchObject({ status: "valid", kind: "alert", content: { title: "Forged in Ana's name" } });
      expect(forged.trust).toMatchObject({ level: "unverified", code: "key-origin-unknown" });

      // The control: Ana's genuine key imported the same way, for content her device signed, is verified.
      const genuineId = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "Genuinely Ana's" });
      const genuineWire = (await eventOn(ana.session, roomId, genuineId)).getWireContent();
      const genuineKey = (await ana.session.client.getCrypto()!.exportRoomKeys()).find((k) => k.session_id === genuineWire.session_id)!;
      await laptop.client.getCrypto()!.importRoomKeys([genuineKey]);
      const genuine = await readEvent(laptop, await eventOn(laptop, roomId, genuineId));
      expect(genuine.content).toMatchObject({ status: "valid", kind: "alert", content: { title: "Genuinely Ana's" } });
      expect(genuine.trust).toMatchObject({ level: "verified", memberState: "CL" });
    } finally {
      rogue.stop();
      reader?.stop();
    }
  }, 240_000);
});
