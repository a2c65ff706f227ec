import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { EnlaceSession } from "#shared/matrix/session.js";
import type { NewRecoveryKey } from "#shared/matrix/recovery-change.js";
import { startHistorySharing } from "#shared/matrix/history-share.js";
import { useApi } from "../app/api-context.js";
import { useSession } from "../app/session.js";
import { toApiError } from "../api/errors.js";
import { classifySessionError, retryDelayMs } from "#shared/matrix/session-errors.js";

import { acquireTabLock } from "./tab-lock.js";
import type { Connection } from "./connect.js";
import type { TimelineStore } from "./timeline.js";
import type { SyncHealth } from "./sync-health.js";

/**
 * The Matrix side of a signed-in person, as screens render it. `needs-setup`: the account has no
 * cross-signing yet (first run); `needs-restore`: it has, but this device is not signed (a new
 * browser: the recovery key brings it in; `replaced` when the homeserver had deleted this browser's
 * device). `reconnecting`: the homeserver or the network asked us to wait (a 429, a timeout, no
 * connection); the device and its keys are kept and Enlace tries again by itself at `retryAt`.
 * `idle` while nobody is signed in.
 */
export type MatrixState =
  | { status: "idle" }
  | { status: "connecting" }
  | { status: "reconnecting"; reason: "rate-limited" | "offline"; retryAt: number }
  | { status: "needs-setup"; session: EnlaceSession }
  | { status: "needs-restore"; session: EnlaceSession; replaced: boolean }
  | { status: "ready"; session: EnlaceSession; timeline: TimelineStore }
  | { status: "error"; reason: MatrixErrorReason };

/** no-homeserver: this control plane runs without one; foreign-account: the person's homeserver is their state's. */
export type MatrixErrorReason = "no-homeserver" | "foreign-account" | "other-tab" | "failed";

export interface MatrixApi {
  state: MatrixState;
  /** First run: cross-signing, recovery key, key backup; resolves to the recovery key (shown once). */
  setUp(): Promise<string>;
  /** A new device: the recovery key signs it and restores the key backup. */
  restore(recoveryKey: string): Promise<void>;
  /** Changing the recovery key on a ready device (account page); see shared/matrix/recovery-change.ts. */
  keyChange: RecoveryKeyChange;
  retry(): void;
  /** Whether the homeserver is reachable from this device; null while no session is open. */
  sync: SyncHealth | null;
}

export interface RecoveryKeyChange {
  /** False: this device lacks some secret, and the current key must be typed in to change it. */
  holdsEverySecret(): Promise<boolean>;
  /** A new key, not in use until `apply`: the person saves it first. */
  prepare(): Promise<NewRecoveryKey>;
  apply(next: NewRecoveryKey, currentKey?: string): Promise<void>;
}

const MatrixContext = createContext<MatrixApi | null>(null);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the attempt was replaced or the person left). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function reasonOf(e: unknown): MatrixErrorReason {
  const err = toApiError(e);
  if (err.status === 404) return "no-homeserver";
  if (err.status === 409) return "foreign-account";
  return "failed";
}

/**
 * Opens the Matrix session in the browser once the person is signed in to the control plane, and
 * closes it when they leave. Provided through context, never a module singleton, so tests and
 * several signed-in tabs each get their own client. An explicit sign-out also logs the device out
 * and deletes its keys from this browser; an expired or revoked session only stops it (the device
 * stays for the next sign-in; a revoked person's devices are logged out by the homeserver anyway).
 */
export function MatrixClientProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { state: session } = useSession();
  const personId = session.status === "signed-in" ? session.session.person.id : null;
  // Read by the effect's cleanup, which runs after the render that brought the new session state.
  const explicitSignOut = useRef(false);
  explicitSignOut.current = session.status === "signed-out" && session.reason === "signed-out";
  const [state, setState] = useState<MatrixState>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);
  const [sync, setSync] = useState<SyncHealth | null>(null);
  const conn = useRef<Connection | null>(null);

  // Attempts in this tab run one after another: a new one (Try again, a token dropped while running,
  // the person changing) waits until the previous one has stopped its client and let go of the tab
  // lock. Before, a new attempt could ask for the lock while the previous one still held it, and
  // after 3 s this tab told the person that Enlace was open in another tab.
  const lastAttempt = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (!personId) {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    const cancelled = new AbortController();
    let release: (() => void) | null = null;
    let opened: Connection | null = null;
    const previous = lastAttempt.current;
    let finished!: () => void;
    lastAttempt.current = new Promise<void>((resolve) => (finished = resolve));
    const letGo = () => {
      release?.();
      release = null;
      finished();
    };
    setState({ status: "connecting" });
    void (async () => {
      await previous;
      if (!live) return letGo();
      release = await acquireTabLock();
      if (!release) {
        if (live) setState({ status: "error", reason: "other-tab" });
        return letGo();
      }
      if (!live) return letGo();
      const { connect } = await import("./connect.js");
      const onTokenGone = () => setAttempt((n) => n + 1);
      for (let attempt = 1; ; attempt++) {
        try {
          opened = await connect(api, { storage: storage(), personId, deviceName: "Enlace web", onTokenGone });
          break;
        } catch (e) {
          const failure = classifySessionError(e);
          const delay = retryDelayMs(failure, attempt);
          if (delay === null || !live) throw e;
          // Waiting keeps the device: only the homeserver saying it is gone makes a new one.
          setState({ status: "reconnecting", reason: failure.kind === "rate-limited" ? "rate-limited" : "offline", retryAt: Date.now() + delay });
          await pause(delay, cancelled.signal);
          if (!live) return letGo();
        }
      }
      if (!live) {
        const late = opened;
        opened = null;
        if (explicitSignOut.current) await late.forget().catch(() => {});
        else late.stop();
        return letGo();
      }
      conn.current = opened;
      setSync(opened.sync);
      const phase = await opened.phase();
      if (!live) return;
      if (phase === "ready") setState({ status: "ready", session: opened.session, timeline: opened.timeline });
      else if (phase === "needs-restore") setState({ status: phase, session: opened.session, replaced: opened.replaced });
      else setState({ status: phase, session: opened.session });
    })().catch((e: unknown) => {
      // A failed connect holds no client: let go at once. One that opened is let go by the cleanup.
      if (!opened) letGo();
      if (live) setState({ status: "error", reason: reasonOf(e) });
    });
    return () => {
      live = false;
      cancelled.abort();
      const c = opened;
      conn.current = null;
      setSync(null);
      // Not opened yet: the attempt itself lets go when it sees it is no longer live. Signing out
      // meanwhile (while reconnecting, say) still takes the kept device out of this browser.
      if (!c) {
        if (explicitSignOut.current) {
          const who = personId;
          lastAttempt.current = lastAttempt.current.then(async () => {
            const { forgetKeptDevice } = await import("./connect.js");
            await forgetKeptDevice(storage(), who).catch(() => {});
          });
        }
        return;
      }
      if (explicitSignOut.current) void c.forget().finally(letGo);
      else {
        c.stop();
        letGo();
      }
    };
  }, [personId, attempt, api]);

  const setUp = useCallback(async () => {
    const c = conn.current;
    if (!c) throw new Error("not connected");
    const recoveryKey = await c.setUp();
    if (conn.current === c) setState({ status: "ready", session: c.session, timeline: c.timeline });
    return recoveryKey;
  }, []);

  const restore = useCallback(async (recoveryKey: string) => {
    const c = conn.current;
    if (!c) throw new Error("not connected");
    await c.restore(recoveryKey);
    if (conn.current === c) setState({ status: "ready", session: c.session, timeline: c.timeline });
  }, []);

  const keyChange = useMemo<RecoveryKeyChange>(() => {
    const connected = () => {
      if (!conn.current) throw new Error("not connected");
      return conn.current;
    };
    return {
      holdsEverySecret: () => connected().holdsEverySecret(),
      prepare: () => connected().newRecoveryKey(),
      apply: (next, currentKey) => connected().changeRecoveryKey(next, currentKey),
    };
  }, []);

  // A Secretariat officer's device hands room history to people approved later (history-share.ts);
  // for anyone else this watches and does nothing (it acts only where this person is an officer).
  const ready = state.status === "ready" ? state.session : null;
  useEffect(() => {
    if (!ready) return;
    const sharing = startHistorySharing(ready);
    return () => sharing.stop();
  }, [ready]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ state, setUp, restore, keyChange, retry, sync }), [state, setUp, restore, keyChange, retry, sync]);
  return <MatrixContext.Provider value={value}>{children}</MatrixContext.Provider>;
}

export function useMatrix(): MatrixApi {
  const m = useContext(MatrixContext);
  if (!m) throw new Error("useMatrix outside MatrixClientProvider");
  return m;
}

/** The ready session (signed device, keys in place), or null: composers and cards send with it. */
export function useMatrixClient(): EnlaceSession | null {
  const m = useContext(MatrixContext);
  return m?.state.status === "ready" ? m.state.session : null;
}
