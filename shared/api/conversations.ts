import { z } from "zod";
import { Uuid } from "./common.js";

/** Start (or find) the direct conversation with another vetted person. */
export const StartConversationInput = z.object({ with: Uuid }).strict();

/** One's direct conversation as the registry has it: the other person, and the room once the reconciler made it. */
export const ConversationView = z.object({
  id: Uuid,
  /** The Matrix room's registry key (`dm:<id>`), the key the room carries in its state. */
  roomKey: z.string(),
  /** Null until the reconciler has created the room (a moment after the start). */
  roomId: z.string().nullable(),
  with: z.object({
    id: Uuid,
    fullName: z.string(),
    memberState: z.string().nullable(),
    matrixUserId: z.string().nullable(),
    /** A suspended or revoked counterpart is out of the room; the conversation stays listed. */
    active: z.boolean(),
  }),
  startedByMe: z.boolean(),
  createdAt: z.string(),
});
export type ConversationView = z.infer<typeof ConversationView>;
