import { ClientEvent, RoomStateEvent, type MatrixClient, type MatrixEvent, type Room, type ReceivedToDeviceMessage } from "matrix-js-sdk";
import type { EnlaceSession } from "./session.js";
import { vettedIdentity } from "./vetted.js";
import { CREDENTIAL_TYPE, REVOCATIONS_TYPE, credentialStateKey } from "../credentials/credential.js";
import { barredByList, currentRevocations } from "../credentials/revocation-status.js";
import { findRoomByKey } from "./rooms.js";

/**
 * Room history for people approved later (MSC4268 room-key bundles, matrix-js-sdk 43).
 *
 * The registry bot joins people to rooms with the homeserver's admin API, so the SDK's own path
 * (the inviter shares a bundle on invite; the invitee accepts the inviter's bundle on join) never
 * runs: the bot holds no keys and there is no invite. Instead:
 *  - sender: a Secretariat officer's client (power level ≥ 50 in the room; officers hold the key of
 *    every advisory, having sent them) shares a bundle of the room's keys with a member once that
 *    member is provably vetted (vettedIdentity: signed credential, unrevoked, master key pinned),
 *    i.e. once their credential names the master key of their first device. The SDK encrypts the
 *    bundle to each of their devices that their identity signed (identity-based strategy): keys
 *    never reach the server in plaintext, nor an unsigned device.
 *  - receiver: a client accepts a bundle only from a vetted officer of that room, for a room it is
 *    joined to whose history is `shared`.
 * Which rooms: those with history visibility `shared` (advisories rooms, planning cells); network
 * rooms are `invited`, and the Rust crypto puts no key of theirs in a bundle. See docs/delivery.md.
 */

const BUNDLE_TYPES = new Set(["m.room_key_bundle", "io.element.msc4268.room_key_bundle"]);
const OFFICER_LEVEL = 50;
/** A credential issued longer ago than this is not "new" when an officer's client starts: that person was served already. */
const RECENT_MS = 7 * 24 * 3600_000;

export type HistoryShareResult = { roomId: string; userId: string } & ({ shared: true } | { shared: false; reason: string });

/**
 * The two MSC4268 calls live on the SDK's CryptoBackend (RustCrypto), not on the public CryptoApi
 * of matrix-js-sdk 43; checked here so a changed SDK fails loudly instead of sharing nothing.
 */
interface HistoryCrypto {
  shareRoomHistoryWithUser(roomId: string, userId: string): Promise<void>;
  maybeAcceptKeyBundle(roomId: string, inviter: string): Promise<boolean>;
}
function historyCrypto(client: MatrixClient): HistoryCrypto {
  const c = client.getCrypto() as Partial<HistoryCrypto> | undefined;
  if (typeof c?.shareRoomHistoryWithUser !== "function" || typeof c.maybeAcceptKeyBundle !== "function")
    throw new Error("matrix-js-sdk's crypto no longer has shareRoomHistoryWithUser/maybeAcceptKeyBundle: update shared/matrix/history-share.ts");
  return c as HistoryCrypto;
}

const isSharedHistory = (room: Room) => room.getHistoryVisibility() === "shared";
const levelOf = (room: Room, userId: string) => room.getMember(userId)?.powerLevel ?? 0;
const isOfficerCredential = (roles: { role: string }[]) => roles.some((r) => r.role === "secretariat_officer");

/**
 * Shares this room's history with one member, if they are vetted now and joined. The revocation
 * list and vetting checks come first: a suspended or revoked person is refused by the history path
 * itself, whatever the room's membership or the Space's credential says at that moment.
 */
export async function shareHistory(s: EnlaceSession, roomId: string, userId: string): Promise<HistoryShareResult> {
  const room = s.client.getRoom(roomId);
  const refuse = (reason: string): HistoryShareResult => ({ roomId, userId, shared: false, reason });
  if (!room) return refuse("this client is not in the room");
  // Deny by default: whoever the newest signed revocation list names is refused on the list's word,
  // before and whatever the credential in the Space says (withdrawn, or an old one put back).
  const space = findRoomByKey(s.client, "space");
  const revocation = await currentRevocations(space?.currentState.getStateEvents(REVOCATIONS_TYPE, "")?.getContent() ?? null, {
    pinnedKeys: s.secretariatKeys,
    store: s.revocations,
    now: s.now?.() ?? new Date(),
  });
  const issuedAt = space ? credentialEvent(space, userId)?.getContent()?.credential?.issuedAt : null;
  const barred = barredByList(revocation.list, userId, typeof issuedAt === "string" ? issuedAt : null);
  if (barred) return refuse(`on the Secretariat's signed revocation list: vetting ${barred}`);
  const vetted = await vettedIdentity(s, userId);
  if (!vetted.ok) return refuse(vetted.reason);
  if (!isSharedHistory(room)) return refuse("the room's history is not shared with new members");
  if (room.getMember(userId)?.membership !== "join") return refuse("not a member of the room");
  if (levelOf(room, s.userId) < OFFICER_LEVEL) return refuse("only a Secretariat officer's client shares history");
  await historyCrypto(s.client).shareRoomHistoryWithUser(roomId, userId);
  return { roomId, userId, shared: true };
}

/**
 * Watches for members who become provably vetted (a credential with a master key appears or changes
 * in the Space) or who join a shared-history room, and shares history with them from every room
 * where this client is an officer. On start it also serves credentials issued in the last week,
 * for people approved while this officer was away. Each (room, person, master key) once per session.
 */
export function startHistorySharing(s: EnlaceSession, o: { onResult?: (r: HistoryShareResult) => void; now?: () => number } = {}) {
  const done = new Set<string>();
  let chain = Promise.resolve();
  const consider = (userId: string, rooms: Room[], masterKey: string) => {
    if (userId === s.userId) return;
    for (const room of rooms) {
      if (!isSharedHistory(room) || room.getMyMembership() !== "join" || levelOf(room, s.userId) < OFFICER_LEVEL) continue;
      if (room.getMember(userId)?.membership !== "join") continue;
      const key = `${room.roomId}|${userId}|${masterKey}`;
      if (done.has(key)) continue;
      done.add(key);
      // One bundle at a time: each uploads a blob and claims one-time keys; bursts of approvals queue.
      chain = chain
        .then(() => shareHistory(s, room.roomId, userId))
        .then(
          (r) => {
            if (!r.shared) done.delete(key); // refused now (e.g. revocation status unknown): a later change may allow it
            o.onResult?.(r);
          },
          (err: unknown) => {
            done.delete(key);
            o.onResult?.({ roomId: room.roomId, userId, shared: false, reason: err instanceof Error ? err.message : String(err) });
          },
        );
    }
  };
  const masterKeyOf = (ev: MatrixEvent | null | undefined): { userId: string; masterKey: string; issuedAt: string } | null => {
    const c = ev?.getContent()?.credential;
    return c && typeof c.userId === "string" && typeof c.masterKey === "string" && c.masterKey
      ? { userId: c.userId, masterKey: c.masterKey, issuedAt: String(c.issuedAt) }
      : null;
  };
  const onState = (ev: MatrixEvent) => {
    if (ev.getType() !== CREDENTIAL_TYPE) return;
    const space = findRoomByKey(s.client, "space");
    if (!space || ev.getRoomId() !== space.roomId) return;
    const c = masterKeyOf(ev);
    if (c) consider(c.userId, s.client.getRooms(), c.masterKey);
  };
  const onMember = (ev: MatrixEvent) => {
    if (ev.getType() !== "m.room.member" || ev.getContent().membership !== "join") return;
    const userId = ev.getStateKey();
    const room = ev.getRoomId() ? s.client.getRoom(ev.getRoomId()!) : null;
    const space = findRoomByKey(s.client, "space");
    const c = userId && space ? masterKeyOf(credentialEvent(space, userId)) : null;
    if (room && c) consider(c.userId, [room], c.masterKey);
  };
  s.client.on(RoomStateEvent.Events, onState);
  s.client.on(RoomStateEvent.Events, onMember);
  const space = findRoomByKey(s.client, "space");
  const now = o.now?.() ?? Date.now();
  for (const ev of space?.currentState.getStateEvents(CREDENTIAL_TYPE) ?? []) {
    const c = masterKeyOf(ev);
    if (c && now - Date.parse(c.issuedAt) < RECENT_MS) consider(c.userId, s.client.getRooms(), c.masterKey);
  }
  return {
    /** Resolves when every share queued so far has finished (tests, orderly shutdown). */
    settled: () => chain,
    stop: () => {
      s.client.off(RoomStateEvent.Events, onState);
      s.client.off(RoomStateEvent.Events, onMember);
    },
  };
}

const credentialEvent = (space: Room, userId: string) => space.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(userId));

/**
 * Receiver side: buffers room-key bundle messages from the first sync on (call before startClient),
 * and once the session is ready imports those sent by a vetted Secretariat officer of a
 * shared-history room this client is joined to. Anything else is ignored.
 */
export function acceptSharedHistory(client: MatrixClient) {
  const queued: Array<{ roomId: string; sender: string }> = [];
  let session: EnlaceSession | null = null;
  let chain = Promise.resolve();
  const handle = (roomId: string, sender: string) => {
    chain = chain.then(async () => {
      const s = session!;
      const room = s.client.getRoom(roomId);
      if (room?.getMyMembership() !== "join" || !isSharedHistory(room)) return;
      if (levelOf(room, sender) < OFFICER_LEVEL) return;
      const vetted = await vettedIdentity(s, sender);
      if (!vetted.ok || !isOfficerCredential(vetted.credential.roles)) return;
      await historyCrypto(s.client)
        .maybeAcceptKeyBundle(roomId, sender)
        .catch(() => false);
    });
  };
  const onMessage = ({ message, encryptionInfo }: ReceivedToDeviceMessage) => {
    // Only messages that arrived encrypted over Olm: the SDK names their sender from the Olm session.
    if (!BUNDLE_TYPES.has(message.type) || !encryptionInfo) return;
    const roomId = (message.content as { room_id?: unknown }).room_id;
    if (typeof roomId !== "string") return;
    if (session) handle(roomId, encryptionInfo.sender);
    else queued.push({ roomId, sender: encryptionInfo.sender });
  };
  client.on(ClientEvent.ReceivedToDeviceMessage, onMessage);
  return {
    start(s: EnlaceSession) {
      session = s;
      for (const q of queued.splice(0)) handle(q.roomId, q.sender);
    },
    settled: () => chain,
    stop: () => client.off(ClientEvent.ReceivedToDeviceMessage, onMessage),
  };
}
