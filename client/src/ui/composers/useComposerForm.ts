import { useRef, useState, type FormEvent } from "react";
import type { Checked } from "./forms.js";
import type { FieldErrors } from "./issues.js";
import { focusFirstError, useFieldText } from "./parts.js";
import { useSender, type Report } from "./useSender.js";

/**
 * What every composer does: hold the form, check it with the shared schema before anything is
 * sent (errors next to their fields, focus on the first), send once, and start afresh on success.
 * A failed send keeps everything that was typed.
 */
export function useComposerForm<F>(blank: () => F) {
  const [f, setF] = useState<F>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);
  const sender = useSender();
  const err = useFieldText(errors);
  // The value is read now: by the time an updater runs, React may have put the controlled input back.
  const set = (k: keyof F) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setF((prev) => ({ ...prev, [k]: value }));
  };

  function submit<C>(check: (f: F) => Checked<C>, send: (content: C, report: Report) => Promise<string>, next: (f: F) => F = blank) {
    return async (e: FormEvent) => {
      e.preventDefault();
      const checked = check(f);
      setErrors(checked.ok ? {} : checked.errors);
      if (!checked.ok) {
        sender.reset();
        focusFirstError(form.current);
        return;
      }
      const sent = f;
      if (await sender.run((report) => send(checked.content, report))) setF(next(sent));
    };
  }

  return { f, setF, set, err, form, sender, submit };
}
