import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useApi } from "./api-context.js";
import { toApiError } from "../api/errors.js";
import type { LoginRequest, Session } from "../api/types.js";
import { unsubscribeThisDevice } from "../notify/push.js";

/** Why the person is looking at the sign-in screen (drives the message shown there). */
export type SignedOutReason = "none" | "signed-out" | "session-ended" | "unreachable";

export type SessionState = { status: "loading" } | { status: "signed-out"; reason: SignedOutReason } | { status: "signed-in"; session: Session };

export interface SessionApi {
  state: SessionState;
  signIn(input: LoginRequest): Promise<Session>;
  signOut(): Promise<void>;
  /** After enrollment set the cookie: load who we are now. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/**
 * Holds who is signed in. A session can end on the server at any time (expiry, suspension,
 * revocation): any authenticated call answering 401 signs the app out at once, and the session is
 * also re-checked periodically and whenever the window regains focus, so an idle screen notices too.
 */
export function SessionProvider({ children, checkEveryMs = 60_000 }: { children: ReactNode; checkEveryMs?: number }) {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(async () => {
    try {
      const session = await api.session();
      setState({ status: "signed-in", session });
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 401) setState((s) => ({ status: "signed-out", reason: s.status === "signed-in" ? "session-ended" : "none" }));
      // Unreachable or failing: a signed-in screen stays (the banner says why); otherwise offer sign-in.
      else setState((s) => (s.status === "signed-in" ? s : { status: "signed-out", reason: "unreachable" }));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      api.onSessionEnded(() => {
        setState((s) => (s.status === "signed-in" ? { status: "signed-out", reason: "session-ended" } : s));
      }),
    [api],
  );

  // Once the control plane answers again, find out whether we are still signed in.
  useEffect(
    () =>
      api.onConnectivity((online) => {
        if (online && stateRef.current.status === "signed-out" && stateRef.current.reason === "unreachable") void refresh();
      }),
    [api, refresh],
  );

  const signedIn = state.status === "signed-in";
  useEffect(() => {
    if (!signedIn) return;
    const check = () => {
      if (document.visibilityState === "visible") void refresh().catch(() => {});
    };
    const timer = window.setInterval(check, checkEveryMs);
    window.addEventListener("focus", check);
    document.addEventListener("visibilitychange", check);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", check);
      document.removeEventListener("visibilitychange", check);
    };
  }, [signedIn, checkEveryMs, refresh]);

  const signIn = useCallback(
    async (input: LoginRequest) => {
      const session = await api.login(input); // the session travels only as the HttpOnly cookie
      setState({ status: "signed-in", session });
      return session;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    // While the session still authenticates the call: this device stops receiving pushes.
    await unsubscribeThisDevice(api);
    await api.logout().catch(() => {
      /* already gone on the server: signing out locally is what matters */
    });
    setState({ status: "signed-out", reason: "signed-out" });
  }, [api]);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The current session; only for components rendered while signed in. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useSignedIn while not signed in");
  return state.session;
}
