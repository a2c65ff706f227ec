import { createContext, useContext, useState, type FormHTMLAttributes, type Ref, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The one wording of "this field is not filled in right", for the constraints written on inputs
 * (required, maxLength, minLength, pattern, type): the same compose.err messages the composers'
 * schema errors use, in the interface's language. The browser's own bubbles said it in the
 * browser's language, and in other words.
 */
function validityMessage(el: Control): Message | null {
  const v = el.validity;
  if (v.valid) return null;
  if (v.valueMissing) return el instanceof HTMLSelectElement ? { key: "choose" } : { key: "required" };
  if (v.tooLong) return { key: "tooLong", values: { max: (el as HTMLInputElement).maxLength } };
  if (v.tooShort) return { key: "tooShortChars", values: { min: (el as HTMLInputElement).minLength } };
  if (v.patternMismatch || v.typeMismatch || v.badInput) return { key: "format" };
  return { key: "invalid" };
}

/** Kept as keys, translated when shown: a language switch rewrites messages already on screen. */
interface Message {
  key: "required" | "choose" | "tooLong" | "tooShortChars" | "format" | "invalid";
  values?: Record<string, number>;
}

/** Messages by control id, for the Field components inside a CheckedForm. */
const FormErrors = createContext<Record<string, string>>({});

export function useFormError(id: string): string | undefined {
  return useContext(FormErrors)[id];
}

/**
 * A <form> that checks its inputs' constraints itself (noValidate) and shows the one wording beside
 * each field (Field.tsx reads it) instead of the browser's bubble; `onSubmit` runs only when they hold.
 * A field's message goes once it is edited.
 */
export function CheckedForm({ onSubmit, children, ...form }: FormHTMLAttributes<HTMLFormElement> & { ref?: Ref<HTMLFormElement> }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    const found: Record<string, Message> = {};
    let first: Control | null = null;
    for (const el of Array.from(e.currentTarget.elements) as Control[]) {
      if (!("validity" in el) || !el.willValidate || !el.id) continue;
      const message = validityMessage(el);
      if (!message) continue;
      found[el.id] = message;
      first ??= el;
    }
    setErrors(found);
    if (first) {
      e.preventDefault();
      first.focus();
      return;
    }
    onSubmit?.(e);
  };
  return (
    <form
      {...form}
      noValidate
      onSubmit={submit}
      onInput={(e) => {
        const id = (e.target as Element).id;
        if (id && errors[id]) setErrors(({ [id]: _, ...rest }) => rest);
      }}
    >
      <FormErrors.Provider value={Object.fromEntries(Object.entries(errors).map(([id, m]) => [id, t(`compose.err.${m.key}`, m.values ?? {})]))}>
        {children}
      </FormErrors.Provider>
    </form>
  );
}
