import { RoomStateEvent, type MatrixClient, type MatrixEvent } from "matrix-js-sdk";
import { REVOCATIONS_TYPE } from "../credentials/credential.js";
import { currentRevocations, type RevocationStore } from "../credentials/revocation-status.js";

/**
 * Records every signed revocation list the session sees arrive, as it arrives: the high-water mark
 * must not depend on whether a message happened to be judged while the newer list was in the Space
 * (an operator could otherwise swap it back before anyone looked). Lists are signed, so one from
 * any room is as good as the Space's; anything that does not verify is ignored by currentRevocations.
 */
export function watchRevocations(client: MatrixClient, o: { pinnedKeys: string[]; store: RevocationStore; now?: () => Date }) {
  const onState = (event: MatrixEvent) => {
    if (event.getType() !== REVOCATIONS_TYPE || event.getStateKey() !== "") return;
    void currentRevocations(event.getContent(), { pinnedKeys: o.pinnedKeys, store: o.store, now: o.now?.() }).catch(() => {});
  };
  client.on(RoomStateEvent.Events, onState);
  // What the initial sync already delivered.
  for (const room of client.getRooms()) {
    const ev = room.currentState.getStateEvents(REVOCATIONS_TYPE, "");
    if (ev) onState(ev);
  }
  return () => { client.off(RoomStateEvent.Events, onState); };
}
