import type { DesiredRoom } from "./desired.js";
import type { StateEvent } from "./port.js";
import { ARCHIVED_STATE_TYPE, ROOM_KEY_STATE_TYPE, ROOM_TLP_EVENT_TYPE } from "./event-types.js";

/** The state events a managed room must carry (apart from members and space links). */
export function managedState(room: DesiredRoom): StateEvent[] {
  const out: StateEvent[] = [
    { type: "m.room.name", stateKey: "", content: { name: room.name } },
    { type: "m.room.topic", stateKey: "", content: { topic: room.topic } },
    { type: "m.room.join_rules", stateKey: "", content: { join_rule: "invite" } },
    { type: "m.room.guest_access", stateKey: "", content: { guest_access: "forbidden" } },
    { type: "m.room.history_visibility", stateKey: "", content: { history_visibility: room.historyVisibility } },
    { type: "m.room.encryption", stateKey: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    { type: "m.room.server_acl", stateKey: "", content: room.serverAcl },
    { type: "m.room.power_levels", stateKey: "", content: room.powerLevels },
    { type: ROOM_KEY_STATE_TYPE, stateKey: "", content: { key: room.key, kind: room.kind } },
    { type: ARCHIVED_STATE_TYPE, stateKey: "", content: { archived: room.archived } },
  ];
  if (room.tlpCeiling) out.push({ type: ROOM_TLP_EVENT_TYPE, stateKey: "", content: { version: 1, ceiling: room.tlpCeiling } });
  return out;
}

/** True when every field we set has the value we want (the homeserver may add its own fields). */
export function covers(actual: unknown, desired: unknown): boolean {
  if (desired === null || typeof desired !== "object") return actual === desired;
  if (Array.isArray(desired)) return Array.isArray(actual) && actual.length === desired.length && desired.every((d, i) => covers(actual[i], d));
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
  const a = actual as Record<string, unknown>;
  return Object.entries(desired as Record<string, unknown>).every(([k, v]) => covers(a[k], v));
}
