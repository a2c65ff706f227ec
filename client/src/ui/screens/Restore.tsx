import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMatrix } from "../../matrix/MatrixClientContext.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { hrefOf, navigate } from "../../app/router.js";

// decodeRecoveryKey's complaints about the text itself, as opposed to a well-formed key that
// does not open this account's secret storage.
const MALFORMED = /parity|prefix|length|base58|non-base58|invalid character/i;

/** A new device of an account that has cross-signing: the recovery key signs it and restores history. */
export function Restore() {
  const { t } = useTranslation();
  const { state, restore } = useMatrix();
  const id = useId();
  const [key, setKey] = useState("");
  const [status, setStatus] = useState<"idle" | "working" | "malformed" | "wrong">("idle");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus("working");
    try {
      await restore(key);
      navigate({ name: "home" });
    } catch (err) {
      setStatus(MALFORMED.test((err as Error).message) ? "malformed" : "wrong");
    }
  };

  const error = status === "malformed" ? t("firstRun.restoreMalformed") : status === "wrong" ? t("firstRun.restoreWrong") : null;
  return (
    <section className="narrow" aria-labelledby="restore-title">
      <h1 id="restore-title">{t("firstRun.restoreTitle")}</h1>
      {state.status === "ready" ? (
        <p>
          {t("firstRun.restoreDone")} <a href={hrefOf({ name: "home" })}>{t("app.backHome")}</a>
        </p>
      ) : state.status !== "needs-restore" ? (
        <MatrixGate>{() => null}</MatrixGate>
      ) : (
        <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
          <p>{t("firstRun.restoreIntro")}</p>
          <div className="field">
            <label htmlFor={`${id}-key`}>{t("firstRun.keyLabel")}</label>
            <textarea
              id={`${id}-key`}
              name="recoveryKey"
              rows={2}
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              translate="no"
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
              required
            />
            <p className="hint" id={`${id}-hint`}>
              {t("firstRun.restoreHint")}
            </p>
            {error && (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={status === "working" || key.trim() === ""}>
              {status === "working" ? t("firstRun.restoring") : t("firstRun.restoreSubmit")}
            </button>
          </div>
          <p className="muted">{t("firstRun.restoreLost")}</p>
        </form>
      )}
    </section>
  );
}
