import { useCallback, useSyncExternalStore } from "react";
import { type Room, RoomStateEvent } from "matrix-js-sdk";
import type { ConversationView } from "#shared/api/conversations.js";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";

/**
 * The direct conversation a room belongs to, from the control plane's list (the other person's
 * registry name, never the room's state or a display name they set); null for other rooms or until known.
 */
export function useConversation(roomKey: string | null): ConversationView | null {
  const api = useApi();
  const isConversation = !!roomKey?.startsWith("dm:");
  const [list] = useAsync(async () => (isConversation ? api.conversations() : []), roomKey ?? "");
  return (list.status === "ready" && list.data.find((c) => c.roomKey === roomKey)) || null;
}

/**
 * Whether the other person is in the room (joined, or invited on their own homeserver): the room key
 * of a message goes only to members' devices, so a first message sent before the reconciler has
 * brought them in would never be readable by them. Follows membership changes as they sync.
 */
export function useCounterpartPresent(room: Room | null, userId: string | null | undefined): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!room) return () => {};
      room.currentState.on(RoomStateEvent.Members, changed);
      room.currentState.on(RoomStateEvent.NewMember, changed);
      return () => {
        room.currentState.off(RoomStateEvent.Members, changed);
        room.currentState.off(RoomStateEvent.NewMember, changed);
      };
    },
    [room],
  );
  const membership = useSyncExternalStore(subscribe, () => (room && userId ? (room.getMember(userId)?.membership ?? null) : null));
  return membership === "join" || membership === "invite";
}
