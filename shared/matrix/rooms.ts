import type { MatrixClient, Room } from "matrix-js-sdk";
import { EVENT_TYPES } from "../content/types.js";
import { isTlp, type Tlp } from "../content/tlp.js";

const ROOM_KEY_TYPE = "org.oas.enlace.room.key";

/** The room's TLP ceiling (state set by the registry bot), or null if it has none. */
export function roomCeiling(room: Room | null): Tlp | null {
  const c = room?.currentState.getStateEvents(EVENT_TYPES["room.tlp"], "")?.getContent();
  return c && isTlp(c.ceiling) ? c.ceiling : null;
}

/** The registry key of a managed room ("network:tourism", "space", …). */
export const roomKey = (room: Room): string | null => {
  const k = room.currentState.getStateEvents(ROOM_KEY_TYPE, "")?.getContent()?.key;
  return typeof k === "string" ? k : null;
};

export const findRoomByKey = (client: MatrixClient, key: string): Room | null => client.getRooms().find((r) => roomKey(r) === key) ?? null;

/** Waits (bounded) until the client has seen a managed room, e.g. right after being joined to it. */
export async function waitForRoom(client: MatrixClient, key: string, timeoutMs = 15_000): Promise<Room> {
  const t0 = Date.now();
  for (;;) {
    const room = findRoomByKey(client, key);
    if (room && room.getMyMembership() === "join") return room;
    if (Date.now() - t0 > timeoutMs) throw new Error(`room ${key} did not appear within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
