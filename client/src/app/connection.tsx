import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useApi } from "./api-context.js";

export interface Connection {
  online: boolean;
  checking: boolean;
  retry(): void;
}

const ConnectionContext = createContext<Connection | null>(null);

/**
 * Whether the control plane answers. The API client reports each lost or regained connection;
 * while it is lost we probe /api/health every `probeEveryMs`, and the banner offers a retry now.
 */
export function ConnectionProvider({ children, probeEveryMs = 10_000 }: { children: ReactNode; probeEveryMs?: number }) {
  const api = useApi();
  const [online, setOnline] = useState(api.isOnline());
  const [checking, setChecking] = useState(false);
  useEffect(() => api.onConnectivity(setOnline), [api]);

  const retry = useCallback(() => {
    setChecking(true);
    api
      .health()
      .catch(() => undefined)
      .finally(() => setChecking(false));
  }, [api]);

  useEffect(() => {
    if (online) return;
    const timer = window.setInterval(retry, probeEveryMs);
    const onBrowserOnline = () => retry();
    window.addEventListener("online", onBrowserOnline);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("online", onBrowserOnline);
    };
  }, [online, probeEveryMs, retry]);

  const value = useMemo(() => ({ online, checking, retry }), [online, checking, retry]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): Connection {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error("useConnection outside ConnectionProvider");
  return c;
}
