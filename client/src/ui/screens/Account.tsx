import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import { useSession } from "../../app/session.js";
import { AsyncView } from "../components/bits.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { TextField } from "../components/Field.js";
import { CheckedForm } from "../components/CheckedForm.js";
import { TotpSecret } from "../components/TotpSecret.js";
import { AccountRecoveryKey } from "./AccountRecoveryKey.js";

type Status = { enabled: boolean; required: boolean };
type Step = { kind: "idle" } | { kind: "reauth"; goal: "set" | "off" } | { kind: "scan"; secret: string; uri: string };

/** `#/account`: one's own second factor — on or off, and turning it on, changing it or (if allowed) off — and one's recovery key. */
export function Account() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, reload] = useAsync(() => api.totpStatus(), "totp");
  // Kept here, not in TwoFactor: reloading the status remounts it, and the outcome must stay on screen.
  const [done, setDone] = useState<string | null>(null);
  const { state: session, refresh } = useSession();
  const mustSetUp = session.status === "signed-in" && session.session.person.totpSetupRequired;
  return (
    <section className="narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <h2>{t("account.twoFactor")}</h2>
      {mustSetUp && <p className="notice">{t("errors.totp-setup-required")}</p>}
      {done && <p role="status">{done}</p>}
      <AsyncView state={status} retry={reload}>
        {(s) => (
          <TwoFactor
            status={s}
            onStart={() => setDone(null)}
            onDone={(message) => {
              setDone(message);
              reload();
              if (mustSetUp) void refresh(); // the rest of Enlace opens now
            }}
          />
        )}
      </AsyncView>
      <h2>{t("account.recoveryKey")}</h2>
      <AccountRecoveryKey />
    </section>
  );
}

function TwoFactor({ status, onStart, onDone }: { status: Status; onStart: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const finish = (message: string) => {
    setStep({ kind: "idle" });
    onDone(message);
  };
  return (
    <div className="panel">
      <p data-testid="totp-status">{status.enabled ? t("account.on") : t("account.off")}</p>
      {status.required && <p>{t("account.required")}</p>}
      {step.kind === "idle" && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              onStart();
              setStep({ kind: "reauth", goal: "set" });
            }}
          >
            {status.enabled ? t("account.change") : t("account.turnOn")}
          </button>
          {status.enabled && !status.required && (
            <button type="button" onClick={() => setStep({ kind: "reauth", goal: "off" })}>
              {t("account.turnOff")}
            </button>
          )}
        </div>
      )}
      {step.kind === "reauth" && (
        <Reauth
          withCode={status.enabled}
          goal={step.goal}
          onCancel={() => setStep({ kind: "idle" })}
          onSecret={(secret, uri) => setStep({ kind: "scan", secret, uri })}
          onOff={() => finish(t("account.turnedOff"))}
        />
      )}
      {step.kind === "scan" && (
        <Confirm secret={step.secret} uri={step.uri} onCancel={() => setStep({ kind: "idle" })} onDone={() => finish(t("account.changed"))} />
      )}
    </div>
  );
}

/** Password, and the current code when a second factor is on: a session alone does not change it. */
function Reauth(props: { withCode: boolean; goal: "set" | "off"; onCancel: () => void; onSecret: (secret: string, uri: string) => void; onOff: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const { state, run } = useAction(async () => {
    if (props.goal === "off") return api.totpDisable({ password, totp: code.trim() });
    return api.totpBegin({ password, ...(props.withCode ? { totp: code.trim() } : {}) });
  });
  const busy = state.status === "loading";
  return (
    <CheckedForm
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run();
        if (r && "secret" in r) props.onSecret(r.secret, r.uri);
        else if (r) props.onOff();
      }}
    >
      <p>{t("account.reauth")}</p>
      <TextField
        label={t("account.password")}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {props.withCode && (
        <TextField
          label={t("account.currentCode")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      )}
      <ErrorMessage error={state.status === "error" ? state.error : null} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("account.working") : props.goal === "off" ? t("account.turnOff") : t("account.proceed")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("account.cancel")}
        </button>
      </div>
    </CheckedForm>
  );
}

/** The new secret is used only once a code from it is confirmed; until then the old one keeps working. */
function Confirm({ secret, uri, onCancel, onDone }: { secret: string; uri: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState("");
  const { state, run } = useAction(() => api.totpConfirm(code.trim()));
  const busy = state.status === "loading";
  return (
    <CheckedForm
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run()) onDone();
      }}
    >
      <p>{t("account.scan")}</p>
      <TotpSecret secret={secret} uri={uri} />
      <TextField
        label={t("account.newCode")}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <ErrorMessage error={state.status === "error" ? state.error : null} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("account.working") : t("account.confirm")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("account.cancel")}
        </button>
      </div>
    </CheckedForm>
  );
}
