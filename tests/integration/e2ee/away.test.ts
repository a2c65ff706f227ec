import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, type TestPlane } from "../../helpers/control-plane.js";
import { acquaintedMembers, roomsReady, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { sendContent } from "#shared/matrix/send.js";
import { readEvent } from "#shared/matrix/receive.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { restoreFromRecoveryKey, isCrossSigned } from "#shared/matrix/first-run.js";
import { EXAMPLES } from "#shared/content/examples.js";

/**
 * Issue 14, "signed out": a person with no running device when an alert is sent reads it, verified,
 * at the next sign-in on a new device — its key reached their dehydrated device (MSC3814) through Olm.
 */
describe("nothing sent while a person is away is lost", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member;
  const ROOMS = ["space", "network:tourism"];

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
  }, 240_000);
  afterAll(async () => {
    for (const m of [ana, jan]) m?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  it("an alert sent while the person is signed out is readable and verified on their next, new device", async () => {
    const firstDevice = jan.session.deviceId;
    // The sender sees Jan's dehydrated device beside the running one, cross-signed like it: it gets room keys.
    const dehydrated = await eventually(
      async () => [...((await ana.session.client.getCrypto()!.getUserDeviceInfo([jan.session.userId], true)).get(jan.session.userId)?.values() ?? [])],
      (ds) => ds.some((d) => d.dehydrated),
      20_000,
      250,
    ).then((r) => r.value.find((d) => d.dehydrated)!);
    const status = await ana.session.client.getCrypto()!.getDeviceVerificationStatus(jan.session.userId, dehydrated.deviceId);
    expect(status?.signedByOwner).toBe(true);

    // Sign-out as the web app does it: the device is logged out on the homeserver, its store gone.
    await jan.session.client.logout(true);
    jan.session.stop();
    await eventually(
      async () => [...((await ana.session.client.getCrypto()!.getUserDeviceInfo([jan.session.userId], true)).get(jan.session.userId)?.keys() ?? [])],
      (ids) => !ids.includes(firstDevice),
      20_000,
      250,
    );

    const roomId = findRoomByKey(ana.session.client, "network:tourism")!.roomId;
    const sent = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "Sent while Jan was away" });

    // Jan comes back on another machine: a new device with an empty crypto store.
    const laptop = await signInThroughControlPlane(jan.cp, { deviceName: "new laptop" });
    try {
      await waitForRoom(laptop.client, "network:tourism", 60_000);
      const { away } = await restoreFromRecoveryKey(laptop, jan.recoveryKey);
      expect(away.rehydrated).toBe(true);
      expect(away.roomKeys).toBeGreaterThan(0);
      expect(await isCrossSigned(laptop)).toBe(true);
      const event = await eventually(
        async () => laptop.client.getRoom(roomId)?.findEventById(sent),
        (e) => e !== undefined,
        20_000,
      ).then((x) => x.value!);
      const r = await readEvent(laptop, event);
      expect(r.content).toMatchObject({ status: "valid", kind: "alert", content: { title: "Sent while Jan was away" } });
      // The key came by Olm from Ana's device, not from a backup: the sending device is proven.
      expect(r.trust).toMatchObject({ level: "verified", memberState: "CL" });

      // The restore left a fresh dehydrated device for the next absence, cross-signed as well.
      const next = await eventually(
        async () => [...((await ana.session.client.getCrypto()!.getUserDeviceInfo([jan.session.userId], true)).get(jan.session.userId)?.values() ?? [])],
        (ds) => ds.some((d) => d.dehydrated && d.deviceId !== dehydrated.deviceId),
        20_000,
        250,
      ).then((x) => x.value.find((d) => d.dehydrated)!);
      expect((await ana.session.client.getCrypto()!.getDeviceVerificationStatus(jan.session.userId, next.deviceId))?.signedByOwner).toBe(true);
    } finally {
      laptop.stop();
    }
  }, 180_000);

  it("logging out every device of a person (what suspension and revocation do) removes the dehydrated one too", async () => {
    const devices = async () => [
      ...((await ana.session.client.getCrypto()!.getUserDeviceInfo([jan.session.userId], true)).get(jan.session.userId)?.values() ?? []),
    ];
    expect((await devices()).some((d) => d.dehydrated)).toBe(true);
    // HomeserverPort.lockAndLogout logs out every device the admin API lists: the dehydrated one is among them.
    await hs.admin.logoutAllDevices(jan.session.userId);
    const after = await eventually(devices, (ds) => ds.length === 0, 20_000, 250);
    expect(after.value).toEqual([]);
  }, 60_000);
});
