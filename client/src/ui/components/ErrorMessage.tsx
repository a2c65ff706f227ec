import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { ApiError } from "../../api/errors.js";

// Messages come from the problem's stable type, in the reader's language; the server's English
// title is never shown. Only validation details (which field) are passed through.
export function errorText(t: TFunction, err: ApiError): string {
  if (err.isNetwork) return t("errors.network");
  switch (err.kind) {
    case "invalid-credentials":
      return t("errors.invalid-credentials");
    case "totp-required":
      return t("errors.totp-required");
    case "server-busy":
      return t("errors.server-busy");
    case "cli-token-refused":
      return t("errors.cli-token-refused");
    case "homeserver-unavailable":
      return t("errors.homeserver-unavailable");
    case "unauthenticated":
      return t("errors.unauthenticated");
    case "forbidden":
      return t("errors.forbidden");
    case "not-found":
      return t("errors.not-found");
    case "enrollment-link-invalid":
      return t("errors.enrollment-link-invalid");
    case "enrollment-not-started":
      return t("errors.enrollment-not-started");
    case "duplicate-nomination":
      return t("errors.duplicate-nomination");
    case "invalid-transition":
      return t("errors.invalid-transition");
    case "not-awaiting-enrollment":
      return t("errors.not-awaiting-enrollment");
    case "validation-failed":
      return t("errors.validation-failed", { detail: err.detail ?? "" });
    case "too-many-attempts": {
      const seconds = typeof err.extra.retryAfterSeconds === "number" ? err.extra.retryAfterSeconds : 900;
      return t("errors.too-many-attempts", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case "internal":
      return t("errors.internal");
    default:
      return t("errors.unknown", { status: err.status });
  }
}

/** A live region that is always present, so screen readers announce an error as soon as it appears. */
export function ErrorMessage({ error, text }: { error?: ApiError | null; text?: string | null }) {
  const { t } = useTranslation();
  const message = text ?? (error ? errorText(t, error) : null);
  return (
    <div className="live" aria-live="assertive" aria-atomic="true">
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

/** Polite confirmations ("saved", "nominated"). */
export function StatusMessage({ text }: { text?: string | null }) {
  return (
    <div className="live" aria-live="polite" aria-atomic="true">
      {text && <p className="success">{text}</p>}
    </div>
  );
}
