import { z } from "zod";
import { ProgramCode } from "./common.js";

export const ReserveInput = z.object({ programCode: ProgramCode }).strict();
export const ReserveResult = z.object({ programCode: z.string(), number: z.number().int() });
export const CountersignInput = z
  .object({
    programCode: ProgramCode,
    number: z.number().int().min(1).max(999_999),
    digest: z.string().regex(/^[A-Za-z0-9+/]{43}$/, "a BLAKE2b-256 digest in unpadded base64"),
    // An advisory that requires acknowledgement: its focal points are notified, and each state that
    // has not acknowledged is reminded every remindEveryHours (hourly in the last day), then its
    // national coordinator at the deadline. Without a deadline the focal points are notified once.
    ackDeadline: z.iso.datetime({ offset: true }).optional(),
    remindEveryHours: z.number().int().min(1).max(168).optional(),
  })
  .strict();
export const CountersignResult = z.object({ alg: z.literal("ed25519"), keyId: z.string(), publicKey: z.string(), signature: z.string() });
