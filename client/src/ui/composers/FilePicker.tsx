import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { MAX_DOCUMENT_BYTES } from "#shared/content/errors.js";
import { formatBytes } from "../../i18n/format.js";

/**
 * A labelled file input with the chosen files listed (name and size). A file over the limit is
 * flagged at once, before anything is read, encrypted or uploaded.
 */
export function FilePicker({
  label,
  hint,
  files,
  onChange,
  multiple,
  error,
  name,
}: {
  label: string;
  hint?: string;
  files: File[];
  onChange(files: File[]): void;
  multiple?: boolean;
  error?: string | null;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const tooLarge = files.filter((f) => f.size > MAX_DOCUMENT_BYTES);
  const problem =
    error ??
    (tooLarge.length
      ? t("compose.err.fileTooLargeNamed", {
          name: tooLarge[0]!.name,
          size: formatBytes(tooLarge[0]!.size, i18n.language),
          max: formatBytes(MAX_DOCUMENT_BYTES, i18n.language),
        })
      : null);
  return (
    <div className="field file-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        name={name}
        type="file"
        multiple={multiple}
        aria-describedby={[hint ? `${id}-hint` : "", problem ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange([...(e.target.files ?? [])])}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two picked files may share a name, and the rows hold no state of their own
            <li key={`${f.name}-${i}`}>
              <span className="wrap">{f.name}</span> <span className="muted">({formatBytes(f.size, i18n.language)})</span>
              {multiple && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    onChange(files.filter((_, j) => j !== i));
                    if (input.current) input.current.value = "";
                  }}
                >
                  {t("compose.removeFile", { name: f.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
