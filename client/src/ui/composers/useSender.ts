import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { errorText } from "../components/ErrorMessage.js";
import { sendFailure, type SendFailure } from "./sendError.js";

interface Progress {
  loaded: number;
  total: number;
  name: string;
}

export type Phase =
  | { status: "idle" }
  | { status: "working"; step: "sending" | "encrypting" | "uploading"; progress?: Progress }
  | { status: "done"; text: string }
  | { status: "error"; text: string };

export type Report = (step: "sending" | "encrypting" | "uploading", progress?: Progress) => void;

/** What the composer shows for a failed send: the reader's language, never an exception's English message. */
export function failureText(t: TFunction, f: SendFailure): string {
  if ("api" in f) return errorText(t, f.api);
  // The keys differ in their placeholders, which i18next's typing cannot follow through a union.
  const tr = t as unknown as (key: string, values: Record<string, string>) => string;
  return tr(`compose.err.${f.key}`, f.values ?? {});
}

/**
 * Runs one send at a time and turns its outcome into text for the live regions. The work
 * returns the success text; a failure keeps the form as it was, so nothing typed is lost.
 */
export function useSender() {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ status: "idle" });
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const set = useCallback((p: Phase) => {
    if (mounted.current) setPhase(p);
  }, []);

  const run = useCallback(
    async (work: (report: Report) => Promise<string>): Promise<boolean> => {
      set({ status: "working", step: "sending" });
      try {
        const text = await work((step, progress) => set({ status: "working", step, progress }));
        set({ status: "done", text });
        return true;
      } catch (err) {
        set({ status: "error", text: failureText(t, sendFailure(err, i18n.language)) });
        return false;
      }
    },
    [t, i18n.language, set],
  );

  const fail = useCallback((text: string) => set({ status: "error", text }), [set]);
  const reset = useCallback(() => set({ status: "idle" }), [set]);
  return { phase, run, fail, reset, busy: phase.status === "working" };
}
