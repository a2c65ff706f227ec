import { z } from "zod";
import { Tlp } from "./tlp.js";
import { V1 } from "./fields.js";

/**
 * State event `org.oas.enlace.room.tlp` (state_key ""): the highest TLP that may be sent in
 * the room. Room state is not encrypted, which is fine: a ceiling reveals nothing secret.
 * Set by the reconciler; power levels keep members from changing it.
 */
export const RoomTlpContent = z.strictObject({ version: V1, ceiling: Tlp });
export type RoomTlpContent = z.infer<typeof RoomTlpContent>;
