import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMatrix } from "../../matrix/MatrixClientContext.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { hrefOf, navigate } from "../../app/router.js";
import { RecoveryKeyCard, useHeldUntilSaved } from "../components/RecoveryKeyCard.js";

/**
 * First run on a person's first device: cross-signing, key backup and the recovery key, which is
 * shown exactly once here (it is never stored by Enlace) and must be confirmed as saved.
 */
export function FirstRun() {
  const { t } = useTranslation();
  const { state, setUp } = useMatrix();
  const [phase, setPhase] = useState<"intro" | "working" | "failed">("intro");
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const account = "session" in state ? state.session.userId : "";

  if (recoveryKey) return <ShowRecoveryKey recoveryKey={recoveryKey} account={account} />;

  const start = async () => {
    setPhase("working");
    try {
      setRecoveryKey(await setUp());
    } catch {
      setPhase("failed");
    }
  };

  return (
    <section className="narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t("firstRun.title")}</h1>
      {state.status === "ready" ? (
        <p>
          {t("firstRun.alreadyDone")} <a href={hrefOf({ name: "home" })}>{t("app.backHome")}</a>
        </p>
      ) : state.status !== "needs-setup" ? (
        <MatrixGate>{() => null}</MatrixGate>
      ) : (
        <div className="panel">
          <p>{t("firstRun.intro")}</p>
          <p>{t("firstRun.keyComing")}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void start()} disabled={phase === "working"}>
              {t("firstRun.start")}
            </button>
          </div>
          <div className="live" aria-live="assertive">
            {phase === "failed" && (
              <p className="error" role="alert">
                {t("firstRun.failed")}
              </p>
            )}
          </div>
          {phase === "working" && (
            <p className="muted" role="status">
              {t("firstRun.working")}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function ShowRecoveryKey({ recoveryKey, account }: { recoveryKey: string; account: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const held = useHeldUntilSaved(saved);
  return (
    <section className="narrow" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t("firstRun.keyTitle")}
      </h1>
      <div className="panel recovery-panel">
        <p>{t("firstRun.keyWhy")}</p>
        <ul>
          <li>{t("firstRun.keyOffline")}</li>
          <li>{t("firstRun.keyNobody")}</li>
          <li>{t("firstRun.keyOnce")}</li>
        </ul>
        <RecoveryKeyCard recoveryKey={recoveryKey} account={account} />
        {held && !saved && (
          <p className="error" role="alert" data-testid="recovery-key-held">
            {t("firstRun.saveFirst")}
          </p>
        )}
        <label className="choice confirm">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
          {t("firstRun.confirm")}
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={!saved} onClick={() => navigate({ name: "home" })}>
            {t("firstRun.continue")}
          </button>
        </div>
      </div>
    </section>
  );
}
