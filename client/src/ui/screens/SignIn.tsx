import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession, type SignedOutReason } from "../../app/session.js";
import { useAction } from "../../app/async.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { TextField } from "../components/Field.js";

/**
 * Email and password; the code field appears when the server answers that this account needs a
 * second factor (problem type …/totp-required), so people without TOTP never see it.
 */
export function SignIn({ reason }: { reason: SignedOutReason }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needsTotp, setNeedsTotp] = useState(false);
  const { state, run } = useAction(signIn);
  const codeRef = useRef<HTMLInputElement>(null);

  const error = state.status === "error" ? state.error : null;
  const askedForCode = error?.kind === "totp-required";
  useEffect(() => { if (askedForCode) setNeedsTotp(true); }, [askedForCode]);
  // Move to the code field once it is shown, and again after each answer that still asks for it.
  useEffect(() => { if (needsTotp && askedForCode) codeRef.current?.focus(); }, [needsTotp, askedForCode, state]);

  const notice = reason === "session-ended" ? t("signIn.sessionEnded")
    : reason === "signed-out" ? t("signIn.signedOut")
    : reason === "unreachable" && !error ? t("errors.network") : null;
  const busy = state.status === "loading";
  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.intro")}</p>
      {reason === "session-ended"
        ? <div className="live" aria-live="assertive"><p className="notice" role="alert" data-testid="session-notice">{notice}</p></div>
        : <StatusMessage text={notice} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run({ email: email.trim(), password, ...(needsTotp && totp ? { totp: totp.trim() } : {}) });
        }}
      >
        <TextField label={t("signIn.email")} type="email" name="email" autoComplete="username" required
          value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t("signIn.password")} type="password" name="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        {needsTotp && (
          <TextField ref={codeRef} label={t("signIn.totp")} hint={t("signIn.totpHint")} name="totp" inputMode="numeric"
            autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={totp} onChange={(e) => setTotp(e.target.value)} />
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t("signIn.submitting") : t("signIn.submit")}</button>
      </form>
    </section>
  );
}
