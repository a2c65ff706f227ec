import { describe, expect, it } from "vitest";
import { createClient, Direction, MatrixEvent, Room } from "matrix-js-sdk";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { TimelineStore } from "./timeline.js";

const ME = "@ana:enlace.test";

/** A room as the SDK holds it after a sync: a backward token or not, some state events in its timeline. */
function roomWith(client: ReturnType<typeof createClient>, id: string, o: { token: string | null; types: string[] }) {
  const room = new Room(id, client, ME);
  const events = o.types.map(
    (type, i) =>
      new MatrixEvent({
        type,
        state_key: type === "m.room.member" ? ME : "",
        event_id: `$${id}${i}`,
        room_id: id,
        sender: ME,
        content: {},
        origin_server_ts: i,
      }),
  );
  room.addLiveEvents(events, { addToState: true });
  room.getLiveTimeline().setPaginationToken(o.token, Direction.Backward);
  client.store.storeRoom(room);
  return room;
}

describe("'Load earlier messages' is offered only when there is something earlier", () => {
  it("needs a backward token and the room's creation not yet in view", () => {
    const client = createClient({ baseUrl: "http://hs.invalid", userId: ME });
    roomWith(client, "!start", { token: null, types: ["m.room.member"] });
    roomWith(client, "!gap", { token: "t1", types: ["m.room.member"] });
    roomWith(client, "!all", { token: "t1", types: ["m.room.create", "m.room.member"] });
    const store = new TimelineStore({ client, userId: ME } as unknown as EnlaceSession);
    try {
      expect(store.canLoadOlder("!start")).toBe(false); // the SDK dropped the token at the beginning
      expect(store.canLoadOlder("!gap")).toBe(true); // a limited sync: older events on the server
      expect(store.canLoadOlder("!all")).toBe(false); // a small room's first sync held everything
      expect(store.canLoadOlder("!unknown")).toBe(false);
    } finally {
      store.stop();
    }
  });
});
