import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMatrix } from "../../matrix/MatrixClientContext.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { hrefOf, navigate } from "../../app/router.js";

// recovery-key.ts's complaint about the text itself, as opposed to a well-formed key that does
// not open this account's secret storage (the name survives the lazily loaded module boundary).
const isMalformed = (err: unknown) => err instanceof Error && err.name === "MalformedRecoveryKey";
// A key shown before Enlace's own encoding (the SDK's base58: 48 symbols from "Es") keeps its case.
const looksLikeOldKey = (text: string) => /^es[1-9a-z]{46}$/i.test(text.replace(/\s/g, ""));

/** A new device of an account that has cross-signing: the recovery key signs it and restores history. */
export function Restore() {
  const { t } = useTranslation();
  const { state, restore } = useMatrix();
  const id = useId();
  const [key, setKey] = useState("");
  const [status, setStatus] = useState<"idle" | "working" | "malformed" | "old-case" | "wrong">("idle");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus("working");
    try {
      await restore(key);
      navigate({ name: "home" });
    } catch (err) {
      setStatus(!isMalformed(err) ? "wrong" : looksLikeOldKey(key) ? "old-case" : "malformed");
    }
  };

  const error =
    status === "malformed"
      ? t("firstRun.restoreMalformed")
      : status === "old-case"
        ? t("firstRun.restoreOldCase")
        : status === "wrong"
          ? t("firstRun.restoreWrong")
          : null;
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
