import { z } from "zod";
import { Email, RoleKind, VettingStatus, Uuid } from "./common.js";

export const LoginInput = z
  .object({
    email: Email,
    password: z.string().min(1).max(1024),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict();

export const SessionView = z.object({
  person: z.object({
    id: Uuid,
    fullName: z.string(),
    email: z.string(),
    memberState: z.string().nullable(),
    status: VettingStatus,
    roles: z.array(z.object({ role: RoleKind, memberState: z.string().nullable(), program: z.string().nullable() })),
    totpEnabled: z.boolean(),
    /** The policy requires a second factor this person has not set up: only the account page answers until then. */
    totpSetupRequired: z.boolean(),
  }),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;
/** Request header with which a program (CLI, bot) asks for the session token in the response body. */
export const CLI_CLIENT_HEADER = "Enlace-Client";
// `token` is present only for `Enlace-Client: cli`; browsers get the HttpOnly cookie alone.
export const LoginResult = SessionView.extend({ token: z.string().optional() });

const EnrollToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, "an enrollment token");
export const EnrollStartInput = z.object({ token: EnrollToken }).strict();
export const EnrollStartResult = z.object({
  fullName: z.string(),
  email: z.string(),
  totpRequired: z.boolean(),
  totp: z.object({ secret: z.string(), uri: z.string() }),
});
export const EnrollCompleteInput = z
  .object({
    token: EnrollToken,
    password: z.string().min(12, "at least 12 characters").max(1024),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict();
export const EnrollCompleteResult = z.object({ expiresAt: z.string(), token: z.string().optional() });

// The account page's second factor (server/domain/auth/second-factor.ts).
const TotpCode = z.string().regex(/^\d{6}$/);
export const TotpStatus = z.object({ enabled: z.boolean(), required: z.boolean() });
export const TotpBeginInput = z.object({ password: z.string().min(1).max(1024), totp: TotpCode.optional() }).strict();
export const TotpBeginResult = z.object({ secret: z.string(), uri: z.string() });
export const TotpConfirmInput = z.object({ totp: TotpCode }).strict();
export const TotpDisableInput = z.object({ password: z.string().min(1).max(1024), totp: TotpCode }).strict();
