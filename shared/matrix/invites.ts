import { RoomEvent, type MatrixClient, type Room } from "matrix-js-sdk";
import { roomKey } from "./rooms.js";

/**
 * Which invites an Enlace client takes. People on a member state's homeserver are invited (the
 * registry bot cannot join a remote account itself); anything that arrives that way is accepted
 * only when the registry bot sent it and the room carries the registry's room key in its invite
 * state (the Secretariat's homeserver sends it with every invite: room_prejoin_state). Everything
 * else — an invite from another person, another server's operator, a room the registry does not
 * manage — is declined, so the person's room list is the registry's.
 */
export function inviteVerdict(o: { inviter: string | null | undefined; registryBot: string; roomKey: string | null }): "accept" | "decline" {
  return o.inviter === o.registryBot && o.roomKey !== null && o.roomKey !== "" ? "accept" : "decline";
}

const serverOf = (userId: string) => userId.slice(userId.indexOf(":") + 1);

/** Tries per invite before giving up until the next start; the wait doubles from 1 s, at most 30 s. */
const ATTEMPTS = 8;

/**
 * Accepts the registry's invites and declines the rest, now and as they come; returns the stop
 * function. A failed join is tried again with backoff: an invite can come before the room's server
 * ACL admits the person's homeserver (a person job runs beside the full reconcile), or a server on
 * the way may be briefly down.
 */
export function answerInvites(client: MatrixClient, registryBot: string, onError: (err: unknown) => void = () => {}): () => void {
  const answered = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  const attempt = (room: Room, n: number) => {
    if (stopped || room.getMyMembership() !== "invite") return;
    const me = client.getUserId() ?? "";
    const inviter = room.getMember(me)?.events.member?.getSender();
    const verdict = inviteVerdict({ inviter, registryBot, roomKey: roomKey(room) });
    // Joined through the bot's server: room IDs of version 12 name no server to ask.
    const done = verdict === "accept" ? client.joinRoom(room.roomId, { viaServers: [serverOf(registryBot)] }) : client.leave(room.roomId);
    done.catch((err) => {
      onError(err);
      if (n + 1 >= ATTEMPTS) return void answered.delete(room.roomId); // asked again at the next start
      const t = setTimeout(
        () => {
          timers.delete(t);
          attempt(room, n + 1);
        },
        Math.min(30_000, 1000 * 2 ** n),
      );
      timers.add(t);
    });
  };
  const answer = (room: Room) => {
    if (room.getMyMembership() !== "invite" || answered.has(room.roomId)) return;
    answered.add(room.roomId);
    attempt(room, 0);
  };
  for (const room of client.getRooms()) answer(room);
  const onMembership = (room: Room, membership: string) => {
    if (membership === "invite") answer(room);
    // One answer per invite, not per room: after a join or a leave, the next invite to the same room
    // (reinstated after a suspension, or let back after a kick) is answered too.
    else answered.delete(room.roomId);
  };
  client.on(RoomEvent.MyMembership, onMembership);
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    client.off(RoomEvent.MyMembership, onMembership);
  };
}
