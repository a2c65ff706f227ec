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
  return () => {
    client.off(RoomStateEvent.Events, onState);
  };
}

/**
 * Raises the high-water mark with the list the control plane signs now (best effort, bounded):
 * a reader on a new device or a cleared browser has seen no list yet, and without this an older
 * genuine list put back in the Space by the homeserver's operator would pass for up to a day.
 */
export async function primeRevocations(cp: { revocations(): Promise<unknown> }, o: { pinnedKeys: string[]; store: RevocationStore; timeoutMs?: number }) {
  const timeout = new Promise<null>((r) => {
    const t = setTimeout(() => r(null), o.timeoutMs ?? 5000);
    (t as { unref?: () => void }).unref?.();
  });
  const list = await Promise.race([cp.revocations().catch(() => null), timeout]);
  if (list) await currentRevocations(list, { pinnedKeys: o.pinnedKeys, store: o.store }).catch(() => {});
}
