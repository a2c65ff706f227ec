import { describe, expect, it } from "vitest";
import { MemoryHomeserver } from "./memory-homeserver.js";

const spec = (key: string) => ({ key, name: key, topic: "", isSpace: false, powerLevels: { users: {} }, initialState: [] });
const credential = (serial: number) => ({ type: "org.test.credential", stateKey: "@a:hs.test", content: { serial } });

describe("the in-memory homeserver (a fake for the reconciler's tests)", () => {
  it("forks two overlapping writes of one state key: the write begun first wins, so the newer value is lost", async () => {
    const hs = new MemoryHomeserver();
    const room = await hs.createRoom(spec("r"));
    const first = hs.pause((c) => c.op === "putState" && c.content?.serial === 1);
    const older = hs.putState(room, credential(1));
    await first.reached;
    await hs.putState(room, credential(2)); // begun after, committed first
    first.release();
    await older;
    expect(hs.state(room, "org.test.credential", "@a:hs.test")).toEqual({ serial: 1 });
  });

  it("writes that do not overlap: the last one wins", async () => {
    const hs = new MemoryHomeserver();
    const room = await hs.createRoom(spec("r"));
    await hs.putState(room, credential(1));
    await hs.putState(room, credential(2));
    expect(hs.state(room, "org.test.credential", "@a:hs.test")).toEqual({ serial: 2 });
  });

  it("releases paused calls in the order the test chooses; a gate after the effect models a crash after the homeserver acted", async () => {
    const hs = new MemoryHomeserver();
    const room = await hs.createRoom(spec("r"));
    const add = hs.pause((c) => c.op === "addMember");
    const kick = hs.pause((c) => c.op === "kick");
    const adding = hs.addMember(room, "@a:hs.test");
    const kicking = hs.kick(room, "@a:hs.test", "test");
    await Promise.all([add.reached, kick.reached]);
    kick.release();
    await kicking; // a kick of someone not (yet) in the room changes nothing
    add.release();
    await adding;
    expect(hs.membership(room, "@a:hs.test")).toBe("join");

    const crash = hs.pause((c) => c.op === "createRoom" && c.key === "s", "after");
    const creating = hs.createRoom(spec("s"));
    await crash.reached;
    crash.fail();
    await expect(creating).rejects.toThrow("test");
    // The room exists although the caller never learned its id; asking again finds it.
    expect(hs.roomsWithKey("s")).toHaveLength(1);
    expect(await hs.createRoom(spec("s"))).toBe(hs.roomsWithKey("s")[0]);
  });

  it("accounts: a deactivated account cannot be joined; every log-out ends the sessions", async () => {
    const hs = new MemoryHomeserver();
    const room = await hs.createRoom(spec("r"));
    await hs.lockAndLogout("@a:hs.test");
    await hs.unlock("@a:hs.test");
    await hs.addMember(room, "@a:hs.test");
    await hs.deactivate("@a:hs.test");
    await expect(hs.addMember(room, "@a:hs.test")).rejects.toThrow("deactivated");
    expect(hs.account("@a:hs.test")).toEqual({ locked: false, deactivated: true, sessions: 2 });
    hs.admins.add("@admin:hs.test");
    expect(await hs.isServerAdmin("@admin:hs.test")).toBe(true);
    expect(hs.isLocal("@b:remote.test")).toBe(false);
  });
});
