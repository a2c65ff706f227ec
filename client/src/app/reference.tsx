import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "./api-context.js";
import { useAsync, type Async } from "./async.js";
import type { MemberState, Program } from "../api/types.js";

export interface Reference {
  programs: Async<Program[]>;
  memberStates: Async<MemberState[]>;
  /** A program's name in the current language (its code until the list has loaded). */
  programName(code: string): string;
}

const ReferenceContext = createContext<Reference | null>(null);

/** Programs and member states change rarely: loaded once per sign-in and shared by every screen. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const [programs] = useAsync(api.programs, "programs");
  const [memberStates] = useAsync(api.memberStates, "member-states");
  const lng = i18n.language;
  const programName = useCallback(
    (code: string) => {
      const p = programs.status === "ready" ? programs.data.find((x) => x.code === code) : undefined;
      return p?.names[lng] ?? p?.names.en ?? code;
    },
    [programs, lng],
  );
  const value = useMemo(() => ({ programs, memberStates, programName }), [programs, memberStates, programName]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const r = useContext(ReferenceContext);
  if (!r) throw new Error("useReference outside ReferenceProvider");
  return r;
}
