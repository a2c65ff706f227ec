import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnrollmentLink } from "../../api/types.js";
import { useFormat } from "../../i18n/format.js";

/**
 * The single-use link an approver hands to the nominee. The server shows it only once (it stores a
 * keyed hash), so the panel stays until dismissed and takes focus so it cannot be missed.
 */
export function EnrollmentLinkPanel({ name, link, onDismiss }: { name: string; link: EnrollmentLink; onDismiss: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    heading.current?.focus();
  }, [link.token]);
  return (
    <section className="panel link-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t("queue.linkTitle", { name })}
      </h3>
      <p>{t("queue.linkHelp", { date: fmt.dateTime(link.expiresAt) })}</p>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t("queue.linkLabel")}</label>
        <input id={`${id}-url`} readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} data-testid="enrollment-link" />
      </div>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(link.url).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t("queue.copy")}
        </button>
        <button type="button" onClick={onDismiss}>
          {t("queue.dismiss")}
        </button>
        <span aria-live="polite">{copied ? t("queue.copied") : ""}</span>
      </div>
    </section>
  );
}
