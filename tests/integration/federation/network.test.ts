import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatrixError } from "#server/synapse/http.js";
import { startTestFederation, type TestFederation } from "../../helpers/federation/network.js";
import { eventually } from "../../helpers/matrix-wait.js";

// Four homeservers on a 2-core machine shared with other runs: start-up and federation are slow under load.
const SLOW = 120_000;

describe("the federation test network", () => {
  let net: TestFederation;
  beforeAll(async () => {
    net = await startTestFederation();
  }, 300_000);
  afterAll(async () => {
    await net?.close();
  });

  it(
    "a room on the Secretariat's server: Chile and Jamaica join and talk across servers; the rogue is refused by the ACL",
    async () => {
      const { secretariat, chile, jamaica, rogue, names } = net;
      const [ana, pedro, marcia, eve] = await Promise.all([secretariat.user("ana.oas"), chile.user("pedro"), jamaica.user("marcia"), rogue.user("eve")]);
      // Public join rule on purpose: only the server ACL stands between the rogue and the room.
      const { room_id: roomId } = await ana.call<{ room_id: string }>("POST", "/_matrix/client/v3/createRoom", {
        preset: "public_chat",
        room_version: "12",
        initial_state: [
          {
            type: "m.room.server_acl",
            state_key: "",
            content: { allow: [names.secretariat, names.chile, names.jamaica], deny: [], allow_ip_literals: true },
          },
        ],
      });

      await pedro.join(roomId, names.secretariat);
      await marcia.join(roomId, names.secretariat);
      await eventually(
        () => ana.joinedMembers(roomId),
        (m) => m.includes(pedro.userId) && m.includes(marcia.userId),
        SLOW,
        200,
      );

      await pedro.send(roomId, "hola desde Chile");
      await eventually(
        () => ana.texts(roomId),
        (t) => t.some((m) => m.sender === pedro.userId && m.body === "hola desde Chile"),
        SLOW,
        100,
      );
      await eventually(
        () => marcia.texts(roomId),
        (t) => t.some((m) => m.body === "hola desde Chile"),
        SLOW,
        100,
      );
      await ana.send(roomId, "hello from the Secretariat");
      await eventually(
        () => pedro.texts(roomId),
        (t) => t.some((m) => m.sender === ana.userId && m.body === "hello from the Secretariat"),
        SLOW,
        100,
      );

      // The rogue homeserver asks the Secretariat's to let its user in: refused for the ACL.
      const refused = await eve.join(roomId, names.secretariat).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(MatrixError);
      expect((refused as MatrixError).statusCode).toBe(403);
      expect(await ana.joinedMembers(roomId)).not.toContain(eve.userId);
    },
    SLOW * 4,
  );
});
