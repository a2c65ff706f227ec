import pino from "pino";

export type Logger = pino.Logger;

// Secrets and message content never reach the logs: known-sensitive keys are censored wherever
// they appear, and request logging records method, route and status only.
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "totp",
  "*.totp",
  "totpCode",
  "*.totpCode",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "jwt",
  "*.jwt",
  "accessToken",
  "*.accessToken",
  "access_token",
  "*.access_token",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: { svc: "enlace" } }, destination);
}
