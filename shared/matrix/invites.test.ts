import { describe, expect, it } from "vitest";
import { inviteVerdict } from "./invites.js";

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
