import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import { useSession } from "../../app/session.js";
import { navigate } from "../../app/router.js";
import type { EnrollStart } from "../../api/types.js";
import { AsyncView } from "../components/bits.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { TextField } from "../components/Field.js";
import { CheckedForm } from "../components/CheckedForm.js";
import { TotpSecret } from "../components/TotpSecret.js";

/** `#/enroll/<token>`: the single-use link an approver handed over. Ends signed in, on Home. */
export function Enroll({ token }: { token: string }) {
  const { t } = useTranslation();
  const api = useApi();
  // Each start issues a fresh authenticator secret; the latest one is the one the server expects.
  const [start, retry] = useAsync(() => api.enrollStart(token), token);
  return (
    <section className="narrow" aria-labelledby="enroll-title">
      <h1 id="enroll-title">{t("enroll.title")}</h1>
      {start.status === "loading" ? (
        <p role="status">{t("enroll.loading")}</p>
      ) : (
        <AsyncView state={start} retry={start.status === "error" && start.error.isNetwork ? retry : undefined}>
          {(info) => <EnrollForm token={token} info={info} />}
        </AsyncView>
      )}
    </section>
  );
}

function EnrollForm({ token, info }: { token: string; info: EnrollStart }) {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useSession();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { state, run } = useAction(async () => {
    await api.enrollComplete({ token, password, ...(code.trim() ? { totp: code.trim() } : {}) });
    await refresh();
    return true;
  });
  const busy = state.status === "loading";
  return (
    <CheckedForm
      onSubmit={async (e) => {
        e.preventDefault();
        if (password.length < 12) return setProblem(t("enroll.tooShort"));
        if (password !== confirm) return setProblem(t("enroll.mismatch"));
        setProblem(null);
        if (await run()) navigate({ name: "home" });
      }}
    >
      <p>{t("enroll.forWhom", { name: info.fullName, email: info.email })}</p>
      <div className="panel">
        <p>{info.totpRequired ? t("enroll.totpRequired") : t("enroll.totpOptional")}</p>
        <TotpSecret secret={info.totp.secret} uri={info.totp.uri} />
      </div>
      <TextField
        label={t("enroll.password")}
        hint={t("enroll.passwordHint")}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={1024}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        label={t("enroll.confirm")}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <TextField
        label={t("enroll.code")}
        hint={info.totpRequired ? t("signIn.totpHint") : t("enroll.codeOptionalHint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required={info.totpRequired}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <ErrorMessage error={state.status === "error" ? state.error : null} text={problem} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("enroll.submitting") : t("enroll.submit")}
      </button>
    </CheckedForm>
  );
}
