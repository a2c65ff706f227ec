// Managed rooms are known by their registry key ("advisories:tourism", "network:tourism",
// "advisories:all", "cell:<event uuid>"): see server/domain/rooms/desired.ts. Pure.

type RoomKind = "advisories" | "network" | "cell" | "other";
export interface RoomKeyInfo {
  kind: RoomKind;
  program: string | null;
  hemisphere: boolean;
}

export function parseRoomKey(key: string | null): RoomKeyInfo {
  const [head, rest] = (key ?? "").split(/:(.*)/s, 2) as [string, string | undefined];
  if (head === "advisories" && rest === "all") return { kind: "advisories", program: null, hemisphere: true };
  if ((head === "advisories" || head === "network") && rest) return { kind: head, program: rest, hemisphere: false };
  if (head === "cell" && rest) return { kind: "cell", program: null, hemisphere: false };
  return { kind: "other", program: null, hemisphere: false };
}

export interface ListedRoom {
  roomId: string;
  key: string | null;
  name: string;
}
export type RoomGroup =
  | { group: "hemisphere"; rooms: ListedRoom[] }
  | { group: "program"; program: string; rooms: ListedRoom[] }
  | { group: "cells"; rooms: ListedRoom[] }
  | { group: "other"; rooms: ListedRoom[] };

const KIND_ORDER: Record<RoomKind, number> = { advisories: 0, network: 1, cell: 2, other: 3 };

/** Hemisphere-wide advisories first, then each program (advisories, network), then planning cells. */
export function groupRooms(rooms: readonly ListedRoom[]): RoomGroup[] {
  const hemisphere: ListedRoom[] = [],
    cells: ListedRoom[] = [],
    other: ListedRoom[] = [];
  const programs = new Map<string, ListedRoom[]>();
  for (const r of rooms) {
    const info = parseRoomKey(r.key);
    if (info.hemisphere) hemisphere.push(r);
    else if (info.program) programs.set(info.program, [...(programs.get(info.program) ?? []), r]);
    else if (info.kind === "cell") cells.push(r);
    else other.push(r);
  }
  const byKind = (a: ListedRoom, b: ListedRoom) => KIND_ORDER[parseRoomKey(a.key).kind] - KIND_ORDER[parseRoomKey(b.key).kind];
  const groups: RoomGroup[] = [];
  if (hemisphere.length) groups.push({ group: "hemisphere", rooms: hemisphere });
  for (const program of [...programs.keys()].sort()) groups.push({ group: "program", program, rooms: programs.get(program)!.sort(byKind) });
  if (cells.length) groups.push({ group: "cells", rooms: cells.sort((a, b) => a.name.localeCompare(b.name)) });
  if (other.length) groups.push({ group: "other", rooms: other });
  return groups;
}
