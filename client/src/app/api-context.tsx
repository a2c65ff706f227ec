import { createContext, useContext, type ReactNode } from "react";
import type { Api } from "../api/client.js";

// The API client is created once by the root (main.tsx or a test) and handed down; no module singleton.
const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside ApiProvider");
  return api;
}
