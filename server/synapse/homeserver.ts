import type { HomeserverPort, CreateRoomSpec, RoomSnapshot, StateEvent, Membership } from "../domain/rooms/port.js";
import { stateKey } from "../domain/rooms/port.js";
import { type SynapseAdmin, isNotInRoom, MatrixError } from "./admin-client.js";

/** The reconciler's homeserver port, on Synapse's client and admin APIs as the registry bot. */
export class SynapseHomeserver implements HomeserverPort {
  private known = new Set<string>(); // local users known to exist

  constructor(
    readonly admin: SynapseAdmin,
    readonly serverName: string,
    readonly botUserId: string,
  ) {}

  isLocal(userId: string) {
    return userId.endsWith(`:${this.serverName}`);
  }

  async isServerAdmin(userId: string) {
    if (!this.isLocal(userId)) return false;
    return Boolean((await this.admin.findUser(userId))?.admin);
  }

  async serverAdmins() {
    return new Set(await this.admin.listAdmins());
  }

  async createRoom(spec: CreateRoomSpec) {
    // A local alias per registry key makes creation idempotent across crashes.
    const alias = `enlace.${spec.key.toLowerCase().replace(/[^a-z0-9-]/g, ".")}`;
    const existing = await this.admin.resolveAlias(`#${alias}:${this.serverName}`);
    if (existing) return existing;
    const { room_id } = await this.admin.createRoom({
      preset: "private_chat",
      visibility: "private",
      name: spec.name,
      topic: spec.topic,
      room_version: "12",
      room_alias_name: alias,
      power_level_content_override: spec.powerLevels,
      initial_state: spec.initialState.map((e) => ({ type: e.type, state_key: e.stateKey, content: e.content })),
      ...(spec.isSpace ? { creation_content: { type: "m.space" } } : {}),
    });
    return room_id;
  }

  async roomSnapshot(roomId: string): Promise<RoomSnapshot> {
    const { state } = await this.admin.roomState(roomId);
    const members = new Map<string, Membership>();
    const map = new Map<string, Record<string, unknown>>();
    for (const e of state) {
      if (e.type === "m.room.member") members.set(e.state_key, e.content?.membership as Membership);
      else map.set(stateKey(e.type, e.state_key), e.content ?? {});
    }
    return { roomId, members, state: map };
  }

  async stateContent(roomId: string, type: string, key: string) {
    return this.admin.stateContent(roomId, type, key);
  }

  async putState(roomId: string, ev: StateEvent) {
    await this.admin.putState(roomId, ev.type, ev.stateKey, ev.content);
  }

  private async ensureLocalUser(userId: string) {
    if (this.known.has(userId)) return;
    // Vetted people may not have signed in to Matrix yet: their account is created empty (no password).
    await this.admin.upsertUser(userId, {});
    this.known.add(userId);
  }

  async addMember(roomId: string, userId: string) {
    if (!this.isLocal(userId)) return this.inviteRemote(roomId, userId);
    await this.ensureLocalUser(userId);
    await this.admin.adminJoin(roomId, userId);
  }

  /**
   * A remote person is invited, and joins from their own homeserver. Someone invited or joined
   * already is left alone: a second invite sent while their join is on its way (the person job
   * cannot list a remote person's rooms, so it asks for every room) forks their membership, and the
   * Secretariat's homeserver could end up holding them as invited while their own has them joined,
   * so it would stop sending the room's events there. A remote person banned at a suspension and
   * since reinstated: the ban is lifted, then the invite sent.
   */
  private async inviteRemote(roomId: string, userId: string) {
    const current = (await this.admin.stateContent(roomId, "m.room.member", userId))?.membership;
    if (current === "join" || current === "invite") return;
    try {
      await this.admin.invite(roomId, userId);
    } catch (err) {
      // Joined already (the person job cannot list a remote person's rooms, so it asks again).
      if (err instanceof MatrixError && err.statusCode === 403 && /already in the room/i.test(err.message)) return;
      if (!(err instanceof MatrixError && err.statusCode === 403 && /banned/i.test(err.message))) throw err;
      await this.admin.unban(roomId, userId);
      await this.admin.invite(roomId, userId);
    }
  }

  async ban(roomId: string, userId: string, reason: string) {
    await this.admin.ban(roomId, userId, reason);
  }

  async kick(roomId: string, userId: string, reason: string) {
    try {
      await this.admin.kick(roomId, userId, reason);
    } catch (err) {
      if (!isNotInRoom(err)) throw err;
    }
  }

  async joinedRooms(userId: string) {
    if (!this.isLocal(userId)) return [];
    try {
      return (await this.admin.joinedRooms(userId)).joined_rooms;
    } catch (err) {
      if (err instanceof MatrixError && err.statusCode === 404) return [];
      throw err;
    }
  }

  async lockAndLogout(userId: string) {
    await this.admin.upsertUser(userId, { locked: true });
    this.known.add(userId);
    await this.admin.logoutAllDevices(userId);
  }

  async unlock(userId: string) {
    await this.admin.upsertUser(userId, { locked: false });
    this.known.add(userId);
  }

  async deactivate(userId: string) {
    try {
      await this.admin.deactivate(userId);
    } catch (err) {
      if (!(err instanceof MatrixError && err.statusCode === 404)) throw err;
    }
  }
}
