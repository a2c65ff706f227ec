import { useCallback, useEffect, useRef, useState } from "react";
import { toApiError, type ApiError } from "../api/errors.js";

/** The state of one asynchronous read or action, as screens render it. */
export type Async<T> = { status: "idle" } | { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: ApiError };

const idle: Async<never> = { status: "idle" };

/**
 * Loads `load()` when `key` changes (and on reload()). Answers that arrive after a newer request
 * started, or after unmount, are dropped, so a slow response never overwrites a fresh one.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): [Async<T>, () => void] {
  const [state, setState] = useState<Async<T>>({ status: "loading" });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    loadRef.current().then(
      (data) => {
        if (live) setState({ status: "ready", data });
      },
      (e: unknown) => {
        if (live) setState({ status: "error", error: toApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return [state, useCallback(() => setTick((n) => n + 1), [])];
}

/** Runs an action on demand (submit, approve, …); `run` resolves to the result or undefined on error. */
export function useAction<A extends unknown[], T>(act: (...args: A) => Promise<T>) {
  const [state, setState] = useState<Async<T>>(idle);
  const actRef = useRef(act);
  actRef.current = act;
  const mounted = useRef(false);
  // Set on every mount: StrictMode mounts, unmounts and mounts again in development.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    setState({ status: "loading" });
    try {
      const data = await actRef.current(...args);
      if (mounted.current) setState({ status: "ready", data });
      return data;
    } catch (e) {
      if (mounted.current) setState({ status: "error", error: toApiError(e) });
      return undefined;
    }
  }, []);
  const reset = useCallback(() => setState(idle), []);
  return { state, run, reset };
}
