import { useId } from "react";
import { useTranslation } from "react-i18next";
import { tlpLabel, type Tlp } from "#shared/content/tlp.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { tlpChoices } from "./forms.js";
import type { FieldError, FieldErrors } from "./issues.js";
import { formatBytes } from "../../i18n/format.js";
import type { Phase } from "./useSender.js";

/** Field errors in the reader's language. */
export function useFieldText(errors: FieldErrors) {
  const { t } = useTranslation();
  return (field: string): string | null => {
    const e: FieldError | undefined = errors[field];
    return e ? t(`compose.err.${e.key}`, e.values ?? {}) : null;
  };
}

/** Offers only the levels the room accepts. The labels are TLP's own and never translated. */
export function TlpSelect({ value, onChange, ceiling, error }: { value: string; onChange(v: string): void; ceiling: Tlp | null; error?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const hint = ceiling ? t("compose.tlpHint", { ceiling: tlpLabel(ceiling) }) : null;
  return (
    <div className="field">
      <label htmlFor={id}>{t("compose.tlp")}</label>
      <select
        id={id}
        name="tlp"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        translate="no"
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
      >
        {tlpChoices(ceiling).map((l) => (
          <option key={l} value={l}>
            {tlpLabel(l)}
          </option>
        ))}
      </select>
      {hint && (
        <p className="hint" id={`${id}-hint`} translate="no">
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Progress of the send (a real progress bar while uploading), and its outcome, announced. */
export function SendFeedback({ phase }: { phase: Phase }) {
  const { t, i18n } = useTranslation();
  const p = phase.status === "working" ? phase : null;
  return (
    <>
      {p && (
        <div className="send-progress" role="status">
          {p.step === "uploading" && p.progress ? (
            <>
              <span>{t("compose.uploading", { name: p.progress.name })}</span>
              <progress max={p.progress.total || 1} value={p.progress.loaded} aria-label={t("compose.uploadProgress", { name: p.progress.name })} />
              <span className="muted">
                {formatBytes(p.progress.loaded, i18n.language)} / {formatBytes(p.progress.total, i18n.language)}
              </span>
            </>
          ) : (
            <span>{t(p.step === "encrypting" ? "compose.encrypting" : "compose.sending")}</span>
          )}
        </div>
      )}
      <ErrorMessage text={phase.status === "error" ? phase.text : null} />
      <StatusMessage text={phase.status === "done" ? phase.text : null} />
    </>
  );
}

/** The submit row: the button says what it does and is disabled while a send runs. */
export function SubmitRow({ label, busy, onCancel }: { label: string; busy: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel} disabled={busy}>
          {t("compose.cancel")}
        </button>
      )}
    </div>
  );
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const field = form?.querySelector(".field-error")?.closest(".field, fieldset");
    field?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  });
}
