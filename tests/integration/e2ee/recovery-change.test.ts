import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { encodeRecoveryKey as encodeMatrixRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, type TestPlane } from "../../helpers/control-plane.js";
import { member, credentialsPublished, roomsReady, type Member } from "../../helpers/e2ee.js";
import { sendContent } from "#shared/matrix/send.js";
import { readEvent } from "#shared/matrix/receive.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { signInThroughControlPlane, type EnlaceSession } from "#shared/matrix/session.js";
import { restoreFromRecoveryKey, isCrossSigned } from "#shared/matrix/first-run.js";
import { changeRecoveryKey, holdsEverySecret, newRecoveryKey } from "#shared/matrix/recovery-change.js";
import { decodeRecoveryKey } from "#shared/matrix/recovery-key.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { eventually } from "../../helpers/matrix-wait.js";

/**
 * Changing the recovery key (issue 11, "Accounts"): the person's running device puts its secrets
 * under a new key; a new device then restores with the new key typed in any case and spacing, and
 * the old key opens nothing any more.
 */
describe("changing the recovery key", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member;
  const ROOMS = ["space", "network:tourism"];

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    ana = await member(plane, [role.focal("CL", "tourism")], "CL", ROOMS);
    await credentialsPublished(ana.session, [ana]);
  }, 300_000);
  afterAll(async () => {
    ana?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  async function newDevice(check: (s: EnlaceSession, roomId: string) => Promise<void>) {
    const laptop = await signInThroughControlPlane(ana.cp, { deviceName: "new laptop" });
    try {
      await waitForRoom(laptop.client, "network:tourism", 60_000);
      await check(laptop, findRoomByKey(laptop.client, "network:tourism")!.roomId);
    } finally {
      laptop.stop();
    }
  }

  it("a new key replaces the old one: a new device restores with it, lower-cased and without spaces, and the old key is refused", async () => {
    const roomId = findRoomByKey(ana.session.client, "network:tourism")!.roomId;
    const before = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "Sent before the key changed" });
    const oldKey = ana.recoveryKey;

    // The first device holds every secret since its first run: no current key is needed.
    expect(await holdsEverySecret(ana.session)).toBe(true);
    const next = await newRecoveryKey(ana.session);
    expect(next.recoveryKey).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/);
    expect(next.recoveryKey).not.toBe(oldKey);
    await changeRecoveryKey(ana.session, next);
    const after = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "Sent after the key changed" });

    await newDevice(async (laptop) => {
      // The old key is well formed but no longer opens secret storage, in either encoding.
      // (The SDK finds the secret's MAC wrong: the key is not one it is encrypted with.)
      await expect(restoreFromRecoveryKey(laptop, oldKey)).rejects.toThrow(/MAC/i);
      await expect(restoreFromRecoveryKey(laptop, encodeMatrixRecoveryKey(decodeRecoveryKey(oldKey))!)).rejects.toThrow(/MAC/i);
      expect(await isCrossSigned(laptop)).toBe(false);

      const typed = next.recoveryKey.toLowerCase().replace(/ /g, "");
      // The first device uploads the room keys to the backup in the background: restore once both are there.
      const { value: restored } = await eventually(
        () => restoreFromRecoveryKey(laptop, typed),
        (r) => r.imported >= 1,
        60_000,
        1_000,
      );
      // The dehydrated device made under the new key was found and read.
      expect(restored.away.rehydrated).toBe(true);
      await eventually(
        () => isCrossSigned(laptop),
        (signed) => signed,
        30_000,
        250,
      );
      for (const [eventId, title] of [
        [before, "Sent before the key changed"],
        [after, "Sent after the key changed"],
      ] as const) {
        const event = await eventually(
          async () => laptop.client.getRoom(roomId)?.findEventById(eventId),
          (e) => e !== undefined,
          30_000,
          100,
        ).then((x) => x.value!);
        const { value: read } = await eventually(
          () => readEvent(laptop, event),
          (x) => x.content.status === "valid",
          30_000,
          300,
        );
        expect(read.content).toMatchObject({ status: "valid", kind: "alert", content: { title } });
      }
      // The restored device holds every secret itself, so it could change the key in turn.
      expect(await holdsEverySecret(laptop)).toBe(true);
    });
    ana.recoveryKey = next.recoveryKey;
  });

  it("a device that lacks the secrets needs the current key: refused without it or with a wrong one, done with it", async () => {
    const current = ana.recoveryKey;
    let next: Awaited<ReturnType<typeof newRecoveryKey>> | undefined;
    await newDevice(async (tablet) => {
      // Signed in but never restored: no cross-signing private keys, no backup key on this device.
      expect(await holdsEverySecret(tablet)).toBe(false);
      next = await newRecoveryKey(tablet);
      const keyBefore = await tablet.client.secretStorage.getDefaultKeyId();
      await expect(changeRecoveryKey(tablet, next)).rejects.toThrow(/current recovery key is needed/);
      await expect(changeRecoveryKey(tablet, next, { currentKey: (await newRecoveryKey(tablet)).recoveryKey })).rejects.toThrow(
        /current recovery key is needed/,
      );
      // Refused before anything was written: the secret-storage key is the same.
      expect(await tablet.client.secretStorage.getDefaultKeyId()).toBe(keyBefore);
      await changeRecoveryKey(tablet, next, { currentKey: current.toLowerCase() });
      expect(await holdsEverySecret(tablet)).toBe(true);
    });
    await newDevice(async (phone) => {
      await expect(restoreFromRecoveryKey(phone, current)).rejects.toThrow(/MAC/i);
      await restoreFromRecoveryKey(phone, next!.recoveryKey.replace(/ /g, ""));
      await eventually(
        () => isCrossSigned(phone),
        (signed) => signed,
        30_000,
        250,
      );
    });
  });
});
