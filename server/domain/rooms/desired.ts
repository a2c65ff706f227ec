import type { RoleGrant } from "../auth/principal.js";
import { ACK_EVENT_TYPE, ROOM_TLP_EVENT_TYPE } from "./event-types.js";
import { CELL_PROGRAMS as EVENT_CELL_PROGRAMS } from "#shared/policy/events.js";

/**
 * The rooms the registry calls for, and exactly who belongs in each at what power level.
 * Pure: the reconciler compares this with what Synapse reports and applies the difference.
 */
export interface SnapshotPerson {
  id: string;
  matrixUserId: string | null;
  memberState: string | null;
  roles: RoleGrant[];
}
interface SnapshotEvent {
  id: string;
  name: string;
  hostState: string;
  endsOn: string;
  supportingStates: string[];
}
export interface RegistrySnapshot {
  people: SnapshotPerson[]; // active people only
  programs: { code: string; name: string }[];
  events: SnapshotEvent[];
  homeservers: string[]; // active registered member-state homeservers
  /** Direct conversations: the pair's person ids (a room each, for those of the two who are active). */
  conversations: { id: string; people: [string, string] }[];
  secretariatServer: string;
  botUserId: string;
  today: string; // YYYY-MM-DD
}

type RoomKind = "space" | "advisories" | "network" | "planning-cell" | "direct";
type Tlp = "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";

export interface DesiredRoom {
  key: string; // stable identity, stored with the room id
  kind: RoomKind;
  name: string;
  topic: string;
  tlpCeiling: Tlp | null;
  historyVisibility: "shared" | "invited";
  archived: boolean;
  members: Map<string, number>; // Matrix user id → power level (the bot included)
  powerLevels: Record<string, unknown>;
  serverAcl: { allow: string[]; deny: string[]; allow_ip_literals: boolean };
}

const OFFICER = 50;
const BOT = 100;
const serverOf = (mxid: string) => mxid.slice(mxid.indexOf(":") + 1);
const CELL_PROGRAMS = new Set<string>(EVENT_CELL_PROGRAMS);

// Rooms are created as version 12, where the creator (the registry bot) has unlimited power and
// must not be listed in `users`.
function powerLevels(users: Map<string, number>, kind: RoomKind, archived: boolean, creator: string) {
  const postingLevel = kind === "advisories" || kind === "space" || archived ? OFFICER : 0;
  return {
    users: Object.fromEntries([...users].filter(([u, l]) => l > 0 && u !== creator).sort(([a], [b]) => a.localeCompare(b))),
    users_default: 0,
    events_default: archived || kind === "space" ? BOT : postingLevel,
    // Acknowledgements are their own unencrypted event type, open to every member even where only
    // officers may post (the homeserver checks the outer type; see MATRIX-NOTES).
    events: {
      [ACK_EVENT_TYPE]: archived ? BOT : 0,
      "m.reaction": archived ? BOT : 0,
      "m.room.redaction": 0,
      "m.room.name": BOT,
      "m.room.topic": BOT,
      "m.room.avatar": BOT,
      "m.room.power_levels": BOT,
      "m.room.history_visibility": BOT,
      "m.room.server_acl": BOT,
      "m.room.encryption": BOT,
      "m.room.tombstone": BOT,
      "m.space.child": BOT,
      [ROOM_TLP_EVENT_TYPE]: BOT,
    },
    state_default: BOT,
    invite: BOT, // only the registry bot brings people in
    kick: OFFICER,
    ban: OFFICER,
    redact: OFFICER,
    notifications: { room: OFFICER },
  };
}

/** A server name that is an IPv4 or bracketed IPv6 literal (port ignored, as ACLs ignore it). */
const isIpLiteral = (serverName: string) => /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])(:\d+)?$/i.test(serverName);

/** Every room's server ACL: the Secretariat's homeserver and the registry's active ones, nobody else. */
export function serverAclFor(secretariatServer: string, homeservers: readonly string[]): DesiredRoom["serverAcl"] {
  const allowed = new Set([secretariatServer, ...homeservers]);
  // IP-literal servers stay denied unless the registry itself names one (a test network on loopback,
  // 127.N.M.2…): then the allow list, which names every server exactly, is what keeps others out.
  return { allow: [...allowed].sort(), deny: [], allow_ip_literals: [...allowed].some(isIpLiteral) };
}

export function desiredRooms(s: RegistrySnapshot): DesiredRoom[] {
  const allowed = new Set([s.secretariatServer, ...s.homeservers]);
  const people = s.people.filter((p) => p.matrixUserId && allowed.has(serverOf(p.matrixUserId)));
  const acl = serverAclFor(s.secretariatServer, s.homeservers);
  const rooms: DesiredRoom[] = [];

  const room = (
    key: string,
    kind: RoomKind,
    name: string,
    topic: string,
    tlp: Tlp | null,
    hv: DesiredRoom["historyVisibility"],
    pick: (p: SnapshotPerson) => number | null,
    archived = false,
  ) => {
    const members = new Map<string, number>([[s.botUserId, BOT]]);
    for (const p of people) {
      const level = pick(p);
      if (level !== null) members.set(p.matrixUserId!, Math.max(level, members.get(p.matrixUserId!) ?? 0));
    }
    rooms.push({
      key,
      kind,
      name,
      topic,
      tlpCeiling: tlp,
      historyVisibility: hv,
      archived,
      members,
      powerLevels: powerLevels(members, kind, archived, s.botUserId),
      serverAcl: acl,
    });
  };
  const has = (p: SnapshotPerson, f: (r: RoleGrant) => boolean) => p.roles.some(f);
  const isOfficer = (p: SnapshotPerson, program?: string) => has(p, (r) => r.role === "secretariat_officer" && (!program || r.program === program));
  const isMember = (p: SnapshotPerson, program: string) => has(p, (r) => (r.role === "focal_point" || r.role === "alternate") && r.program === program);
  const inNetwork = (p: SnapshotPerson) => has(p, (r) => r.role !== "secretariat_admin");

  // Names and topics are room state, which Matrix does not encrypt: nothing sensitive in them.
  room("space", "space", "Enlace — CICTE network", "Vetted focal points of the OAS member states", null, "shared", (p) => (inNetwork(p) ? 0 : null));
  room("advisories:all", "advisories", "Hemisphere advisories", "Secretariat advisories for the whole network", "AMBER", "shared", (p) =>
    isOfficer(p) ? OFFICER : inNetwork(p) ? 0 : null,
  );
  for (const prog of s.programs) {
    room(`advisories:${prog.code}`, "advisories", `${prog.name} — advisories`, `Secretariat advisories, ${prog.name}`, "AMBER", "shared", (p) =>
      isOfficer(p, prog.code) ? OFFICER : isMember(p, prog.code) ? 0 : null,
    );
    // A newly vetted member reads the network room from their arrival on, not earlier discussions.
    room(`network:${prog.code}`, "network", `${prog.name} — network`, `Focal points of ${prog.name}`, "AMBER", "invited", (p) =>
      isOfficer(p, prog.code) ? OFFICER : isMember(p, prog.code) ? 0 : null,
    );
  }
  for (const e of s.events) {
    const states = new Set([e.hostState, ...e.supportingStates]);
    const archived = e.endsOn < s.today;
    room(
      `cell:${e.id}`,
      "planning-cell",
      `Planning cell — ${e.name}`,
      "Major event planning cell",
      "AMBER+STRICT",
      "shared",
      (p) => {
        if ([...CELL_PROGRAMS].some((prog) => isOfficer(p, prog))) return OFFICER;
        if (!p.memberState || !states.has(p.memberState)) return null;
        const coordinator = has(p, (r) => r.role === "national_coordinator");
        const cellMember = [...CELL_PROGRAMS].some((prog) => isMember(p, prog));
        return coordinator || cellMember ? 0 : null;
      },
      archived,
    );
  }
  // A direct conversation: the two people and the bot, nobody else, whatever their roles. Only the bot
  // invites (power levels), so neither can bring in a third; a de-vetted one of the pair is simply not
  // wanted here any more, and removed like from any managed room. A room of its own kind, outside
  // the Space (its existence is nobody else's business); history from one's arrival on, like the
  // network rooms; RED is allowed because its only readers are the two people it is meant for.
  for (const c of s.conversations) {
    const pair = new Set(c.people);
    room(`dm:${c.id}`, "direct", "Direct conversation", "Between two vetted members of the network", "RED", "invited", (p) => (pair.has(p.id) ? 0 : null));
  }
  return rooms;
}
