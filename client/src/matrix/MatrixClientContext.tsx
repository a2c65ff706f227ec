import { createContext, useContext, type ReactNode } from "react";
import type { EnlaceSession } from "../../../shared/matrix/session.js";

// The seam for messaging: the Matrix client (shared/matrix's EnlaceSession, with Rust crypto) will
// be opened after control-plane sign-in and provided here. Until then every consumer gets null and
// must render nothing Matrix-related. Provided through context, never a module singleton, so tests
// and several signed-in tabs each get their own client.
export const MatrixClientContext = createContext<EnlaceSession | null>(null);

export function MatrixClientProvider({ children }: { children: ReactNode }) {
  return <MatrixClientContext.Provider value={null}>{children}</MatrixClientContext.Provider>;
}

export const useMatrixClient = (): EnlaceSession | null => useContext(MatrixClientContext);
