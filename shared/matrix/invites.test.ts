import { EventEmitter } from "node:events";
import type { MatrixClient, Room } from "matrix-js-sdk";
import { describe, expect, it } from "vitest";
import { answerInvites, inviteVerdict } from "./invites.js";

const bot = "@enlace-registry:oas.example";

describe("inviteVerdict", () => {
  it("accepts the registry bot's invite to a managed room", () => {
    expect(inviteVerdict({ inviter: bot, registryBot: bot, roomKey: "network:cybersecurity" })).toBe("accept");
  });
  it("accepts the registry bot's invite to a direct conversation (the registry calls for it), and nobody else's", () => {
    const key = "dm:6f1c1f0e-2a4b-4c4e-9a55-0d6e1d2b3c4d";
    expect(inviteVerdict({ inviter: bot, registryBot: bot, roomKey: key })).toBe("accept");
    expect(inviteVerdict({ inviter: "@ana:hs.gob.cl", registryBot: bot, roomKey: key })).toBe("decline");
  });
  it("declines an invite from anyone else, even to a room that carries a registry key", () => {
    expect(inviteVerdict({ inviter: "@operator:hs.gob.cl", registryBot: bot, roomKey: "network:cybersecurity" })).toBe("decline");
    expect(inviteVerdict({ inviter: "@enlace-registry:hs.gob.cl", registryBot: bot, roomKey: "space" })).toBe("decline");
    expect(inviteVerdict({ inviter: undefined, registryBot: bot, roomKey: "space" })).toBe("decline");
  });
  it("declines the bot's invite to a room the registry does not manage", () => {
    expect(inviteVerdict({ inviter: bot, registryBot: bot, roomKey: null })).toBe("decline");
    expect(inviteVerdict({ inviter: bot, registryBot: bot, roomKey: "" })).toBe("decline");
  });
});

/** A client with one room, as far as answerInvites looks at it: membership, inviter, room key, join. */
function fakeClient(me: string, inviter: string) {
  const emitter = new EventEmitter();
  let membership = "invite";
  const room = {
    roomId: "!r:oas.example",
    getMyMembership: () => membership,
    getMember: () => ({ events: { member: { getSender: () => inviter } } }),
    currentState: { getStateEvents: () => ({ getContent: () => ({ key: "network:tourism" }) }) },
  } as unknown as Room;
  const joins: string[] = [];
  const client = {
    getUserId: () => me,
    getRooms: () => [room],
    joinRoom: async (id: string) => {
      joins.push(id);
      membership = "join";
      emitter.emit("Room.myMembership", room, "join", "invite");
    },
    leave: async () => {},
    on: (e: string, f: (...a: unknown[]) => void) => emitter.on(e, f),
    off: (e: string, f: (...a: unknown[]) => void) => emitter.off(e, f),
  } as unknown as MatrixClient;
  const set = (m: string) => {
    const prev = membership;
    membership = m;
    emitter.emit("Room.myMembership", room, m, prev);
  };
  return { client, joins, set };
}

describe("answerInvites", () => {
  it("accepts the bot's invite again after a kick or a suspension took the person out of the room", async () => {
    const { client, joins, set } = fakeClient("@ana:hs.gob.cl", bot);
    const stop = answerInvites(client, bot);
    await Promise.resolve();
    expect(joins).toHaveLength(1);
    set("leave"); // kicked (or banned, then the ban lifted)
    set("invite"); // invited again by the bot
    await Promise.resolve();
    expect(joins).toHaveLength(2);
    stop();
  });
});
