import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAction } from "../../app/async.js";
import { ErrorMessage } from "./ErrorMessage.js";
import { TextArea } from "./Field.js";
import { CheckedForm } from "./CheckedForm.js";

/**
 * Every vetting decision carries a reason (it goes to the audit log). Shown inline under the row,
 * focused on open; Escape cancels.
 */
export function ReasonForm<T>({
  action,
  onDone,
  onCancel,
  submit,
}: {
  action: string;
  submit: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const { state, run } = useAction(submit);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector("textarea")?.focus();
  }, []);
  return (
    <CheckedForm
      ref={ref}
      className="reason-form"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await run(reason.trim());
        if (result !== undefined) onDone(result);
      }}
    >
      <TextArea label={t("decide.reason")} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
      <ErrorMessage error={state.status === "error" ? state.error : null} />
      <div className="actions">
        <button type="submit" className="primary" disabled={state.status === "loading" || reason.trim() === ""}>
          {state.status === "loading" ? t("decide.working") : t("decide.confirm", { action })}
        </button>
        <button type="button" onClick={onCancel}>
          {t("decide.cancel")}
        </button>
      </div>
    </CheckedForm>
  );
}
