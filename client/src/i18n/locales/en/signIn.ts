export const signIn = {
  title: "Sign in",
  intro: "For vetted focal points, national coordinators and the Secretariat.",
  email: "Email",
  password: "Password",
  totp: "Authenticator code",
  totpHint: "6 digits from your authenticator app.",
  totpOptionalHint: "6 digits from your authenticator app. Leave it empty if your account has none.",
  codeOrCheck: "Not signed in. If your account uses an authenticator app, enter its 6-digit code and sign in again; otherwise check your email and password.",
  submit: "Sign in",
  submitting: "Signing in…",
  sessionEnded: "Your session has ended: it expired or your access was changed. Sign in again.",
  signedOut: "You have signed out.",
};
