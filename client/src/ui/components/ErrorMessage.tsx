import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { ApiError } from "../../api/errors.js";

// Messages come from the problem's stable type, in the reader's language; the server's English
// title and its prose `detail` are never shown. What passes through is data: the names of the
// fields a validation problem points at, and the wait a throttle asks for.
export function errorText(t: TFunction, err: ApiError): string {
  const kind = err.knownKind;
  switch (kind) {
    case "unknown":
      return t("errors.unknown", { status: err.status });
    case "too-many-attempts": {
      const seconds = typeof err.extra.retryAfterSeconds === "number" ? err.extra.retryAfterSeconds : 900;
      return t("errors.too-many-attempts", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case "validation-failed": {
      const fields = fieldsOf(err.extra.errors);
      return fields ? `${t("errors.validation-failed")} ${t("errorHints.fields", { fields })}` : t("errors.validation-failed");
    }
    default:
      return t(`errors.${kind}`);
  }
}

/** "email, roles.0.program" from the problem's `errors` ([{ path: "body.email", … }]): field names, never the English messages. */
function fieldsOf(errors: unknown): string {
  if (!Array.isArray(errors)) return "";
  const paths = errors
    .map((e) => (typeof e === "object" && e !== null && typeof (e as { path?: unknown }).path === "string" ? (e as { path: string }).path : ""))
    .map((p) => p.replace(/^(body|query|params)\.?/, ""))
    .filter((p) => /^[A-Za-z0-9_.]{1,80}$/.test(p));
  return [...new Set(paths)].slice(0, 5).join(", ");
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
