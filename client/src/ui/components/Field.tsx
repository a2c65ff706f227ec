import { useFormError } from "./CheckedForm.js";
import { useId, type Ref, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

// Every input has a visible <label>; hints and errors are tied to it with aria-describedby.
interface Common {
  label: string;
  hint?: string;
  error?: string | null;
}

function describedBy(id: string, hint?: string, error?: string | null) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Extras({ id, hint, error }: { id: string } & Omit<Common, "label">) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({ label, hint, error: given, ...input }: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const id = useId();
  const checked = useFormError(id);
  const error = given ?? checked;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...input} />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextArea({ label, hint, error: given, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const checked = useFormError(id);
  const error = given ?? checked;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...input} />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({ label, hint, error: given, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  const checked = useFormError(id);
  const error = given ?? checked;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </select>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

/** A group of checkboxes or radios with a legend. */
export function Choices({ legend, hint, error, children }: { legend: string; hint?: string; error?: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="choices" aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <div className="choice-list">{children}</div>
      <Extras id={id} hint={hint} error={error} />
    </fieldset>
  );
}

export function Choice({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="choice">
      <input {...input} /> <span>{label}</span>
    </label>
  );
}
