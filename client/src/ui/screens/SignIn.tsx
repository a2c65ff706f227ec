import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession, type SignedOutReason } from "../../app/session.js";
import { useAction } from "../../app/async.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { TextField } from "../components/Field.js";
import { CheckedForm } from "../components/CheckedForm.js";

/**
 * Email and password, then the code. The server never says whether a password was right unless the
 * code is right too (no password oracle), so it cannot ask for "the code" specifically: after any
 * refused attempt without a code, the (optional) code field appears with a message that fits both
 * cases — enter your code if your account has one, otherwise check email and password.
 */
export function SignIn({ reason }: { reason: SignedOutReason }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [showCode, setShowCode] = useState(false);
  const [sentCode, setSentCode] = useState(false);
  const { state, run } = useAction(signIn);
  const codeRef = useRef<HTMLInputElement>(null);

  const error = state.status === "error" ? state.error : null;
  const refused = error?.kind === "invalid-credentials";
  useEffect(() => {
    if (refused) setShowCode(true);
  }, [refused]);
  // Move to the code field when it first appears.
  useEffect(() => {
    if (showCode) codeRef.current?.focus();
  }, [showCode]);

  const notice =
    reason === "session-ended"
      ? t("signIn.sessionEnded")
      : reason === "signed-out"
        ? t("signIn.signedOut")
        : reason === "unreachable" && !error
          ? t("errors.network")
          : null;
  const busy = state.status === "loading";
  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.intro")}</p>
      {reason === "session-ended" ? (
        <div className="live" aria-live="assertive">
          <p className="notice" role="alert" data-testid="session-notice">
            {notice}
          </p>
        </div>
      ) : (
        <StatusMessage text={notice} />
      )}
      <CheckedForm
        onSubmit={(e) => {
          e.preventDefault();
          const code = showCode ? totp.trim() : "";
          setSentCode(code !== "");
          void run({ email: email.trim(), password, ...(code ? { totp: code } : {}) });
        }}
      >
        <TextField
          label={t("signIn.email")}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t("signIn.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {showCode && (
          <TextField
            ref={codeRef}
            label={t("signIn.totp")}
            hint={t("signIn.totpOptionalHint")}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            value={totp}
            onChange={(e) => setTotp(e.target.value)}
          />
        )}
        <ErrorMessage error={error} text={refused && !sentCode ? t("signIn.codeOrCheck") : null} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </CheckedForm>
    </section>
  );
}
