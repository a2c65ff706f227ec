import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, type TestPlane } from "../../helpers/control-plane.js";
import { member, credentialsPublished, type Member } from "../../helpers/e2ee.js";
import { sendContent } from "../../../shared/matrix/send.js";
import { nextEvent } from "../../../shared/matrix/receive.js";
import { findRoomByKey } from "../../../shared/matrix/rooms.js";
import { EXAMPLES } from "../../../shared/content/examples.js";

describe("end-to-end encrypted content between vetted members", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member, bea: Member;
  const ROOMS = ["space", "network:tourism", "advisories:tourism"];

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    [ana, jan, bea] = await Promise.all([
      member(plane, [role.focal("CL", "tourism")], "CL", ROOMS),
      member(plane, [role.focal("JM", "tourism")], "JM", ROOMS),
      member(plane, [role.focal("BR", "tourism")], "BR", ROOMS),
    ]);
    for (const m of [ana, jan, bea]) await credentialsPublished(m.session, [ana, jan, bea]);
  }, 180_000);
  afterAll(async () => { for (const m of [ana, jan, bea]) m?.session.stop(); await plane?.close(); await hs?.close(); });

  it("an alert sent by one member is decrypted, valid and verified at the others", async () => {
    const roomId = findRoomByKey(ana.session.client, "network:tourism")!.roomId;
    const waits = [jan, bea].map((m) => nextEvent(m.session, roomId, (e) => e.getSender() === ana.session.userId));
    await sendContent(ana.session, roomId, "alert", EXAMPLES.alert);
    for (const r of await Promise.all(waits)) {
      expect(r.encrypted).toBe(true);
      expect(r.content).toMatchObject({ status: "valid", kind: "alert" });
      expect(r.trust).toMatchObject({ level: "verified", memberState: "CL", programs: ["tourism"] });
    }
  });
});
