import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { NewRecoveryKey } from "#shared/matrix/recovery-change.js";
import { useMatrix } from "../../matrix/MatrixClientContext.js";
import { RecoveryKeyCard, useHeldUntilSaved } from "../components/RecoveryKeyCard.js";

type Step =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "current"; wrong: boolean }
  | { kind: "show"; next: NewRecoveryKey; currentKey?: string }
  | { kind: "failed" };

/**
 * The account page's recovery-key section: a new key replaces the one the person has (lost, or
 * seen by someone else). The new key is shown and saved first and used only on confirmation, so
 * giving up midway leaves the current key working. A device that lacks some secret (rare: one
 * restored before it had them all) needs the current key typed in.
 */
export function AccountRecoveryKey() {
  const { t } = useTranslation();
  const { state, keyChange } = useMatrix();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [done, setDone] = useState(false);

  if (state.status !== "ready") {
    return (
      <div className="panel">
        <p>{t("account.keyNotReady")}</p>
      </div>
    );
  }
  const begin = async (currentKey?: string) => {
    setDone(false);
    setStep({ kind: "preparing" });
    try {
      if (!currentKey && !(await keyChange.holdsEverySecret())) return setStep({ kind: "current", wrong: false });
      setStep({ kind: "show", next: await keyChange.prepare(), ...(currentKey ? { currentKey } : {}) });
    } catch {
      setStep({ kind: "failed" });
    }
  };
  return (
    <div className="panel">
      <p>{t("account.keyWhy")}</p>
      {done && <p role="status">{t("account.keyChanged")}</p>}
      {step.kind === "failed" && (
        <p className="error" role="alert">
          {t("account.keyFailed")}
        </p>
      )}
      {(step.kind === "idle" || step.kind === "failed" || step.kind === "preparing") && (
        <div className="actions">
          <button type="button" className="primary" disabled={step.kind === "preparing"} onClick={() => void begin()}>
            {t("account.keyChange")}
          </button>
        </div>
      )}
      {step.kind === "current" && <CurrentKey wrong={step.wrong} onKey={(k) => void begin(k)} onCancel={() => setStep({ kind: "idle" })} />}
      {step.kind === "show" && (
        <ShowNewKey
          next={step.next}
          account={state.session.userId}
          onCancel={() => setStep({ kind: "idle" })}
          onUse={async () => {
            try {
              await keyChange.apply(step.next, step.currentKey);
              setStep({ kind: "idle" });
              setDone(true);
            } catch (e) {
              if ((e as Error).name === "CurrentRecoveryKeyNeeded" || (e as Error).name === "MalformedRecoveryKey") setStep({ kind: "current", wrong: true });
              else setStep({ kind: "failed" });
            }
          }}
        />
      )}
    </div>
  );
}

function CurrentKey({ wrong, onKey, onCancel }: { wrong: boolean; onKey: (key: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [key, setKey] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim()) onKey(key);
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t("account.keyCurrentWhy")}</p>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t("account.keyCurrent")}</label>
        <textarea
          id={`${id}-key`}
          rows={2}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          translate="no"
          aria-invalid={wrong ? true : undefined}
          aria-describedby={wrong ? `${id}-error` : undefined}
          required
        />
        {wrong && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {t("firstRun.restoreWrong")}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={key.trim() === ""}>
          {t("account.proceed")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("account.cancel")}
        </button>
      </div>
    </form>
  );
}

function ShowNewKey(props: { next: NewRecoveryKey; account: string; onCancel: () => void; onUse: () => Promise<void> }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const held = useHeldUntilSaved(saved);
  return (
    <div className="recovery-panel panel">
      <h3>{t("account.keyNew")}</h3>
      <p>{t("account.keyNewWhy")}</p>
      <RecoveryKeyCard recoveryKey={props.next.recoveryKey} account={props.account} />
      {held && (
        <p className="error" role="alert" data-testid="recovery-key-held">
          {t("account.keySaveFirst")}
        </p>
      )}
      <label className="choice confirm">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        {t("account.keySaved")}
      </label>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!saved || busy}
          onClick={() => {
            setBusy(true);
            void props.onUse().finally(() => setBusy(false));
          }}
        >
          {busy ? t("account.working") : t("account.keyUse")}
        </button>
        <button type="button" disabled={busy} onClick={props.onCancel}>
          {t("account.keyKeepOld")}
        </button>
      </div>
    </div>
  );
}
