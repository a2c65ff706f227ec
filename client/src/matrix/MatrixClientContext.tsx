import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { useApi } from "../app/api-context.js";
import { useSession } from "../app/session.js";
import { toApiError } from "../api/errors.js";

import { acquireTabLock } from "./tab-lock.js";
import type { Connection } from "./connect.js";
import type { TimelineStore } from "./timeline.js";
import type { SyncHealth } from "./sync-health.js";

/**
 * The Matrix side of a signed-in person, as screens render it. `needs-setup`: the account has no
 * cross-signing yet (first run); `needs-restore`: it has, but this device is not signed (a new
 * browser: the recovery key brings it in). `idle` while nobody is signed in.
 */
export type MatrixState =
  | { status: "idle" }
  | { status: "connecting" }
  | { status: "needs-setup"; session: EnlaceSession }
  | { status: "needs-restore"; session: EnlaceSession }
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
  retry(): void;
  /** Whether the homeserver is reachable from this device; null while no session is open. */
  sync: SyncHealth | null;
}

const MatrixContext = createContext<MatrixApi | null>(null);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
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

  useEffect(() => {
    if (!personId) {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    let release: (() => void) | null = null;
    let opened: Connection | null = null;
    setState({ status: "connecting" });
    void (async () => {
      release = await acquireTabLock();
      if (!release) {
        if (live) setState({ status: "error", reason: "other-tab" });
        return;
      }
      if (!live) {
        release();
        return;
      }
      const { connect } = await import("./connect.js");
      opened = await connect(api, { storage: storage(), personId, deviceName: "Enlace web" });
      if (!live) {
        const late = opened;
        if (explicitSignOut.current) void late.forget().finally(() => release?.());
        else {
          late.stop();
          release();
        }
        return;
      }
      conn.current = opened;
      setSync(opened.sync);
      const phase = await opened.phase();
      if (!live) return;
      setState(phase === "ready" ? { status: "ready", session: opened.session, timeline: opened.timeline } : { status: phase, session: opened.session });
    })().catch((e: unknown) => {
      // A failed connect holds no client: let go of the tab lock, or this tab's next attempt (retry,
      // or signing in again) would find it taken and say "open in another tab".
      if (!opened) {
        release?.();
        release = null;
      }
      if (live) setState({ status: "error", reason: reasonOf(e) });
    });
    return () => {
      live = false;
      const c = opened;
      conn.current = null;
      setSync(null);
      if (!c) return;
      const done = () => release?.();
      if (explicitSignOut.current) void c.forget().finally(done);
      else {
        c.stop();
        done();
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

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ state, setUp, restore, retry, sync }), [state, setUp, restore, retry, sync]);
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
