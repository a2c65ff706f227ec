import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  formatDateText,
  formatDateTimeText,
  formatTimeText,
  parseDateText,
  parseDateTimeText,
  parseTimeText,
  dateOrder,
  uses12Hours,
} from "../../i18n/dates.js";

type Kind = "date" | "time" | "datetime";

/**
 * What the field holds when the text is not (yet) a date: never empty (a required field then says
 * "Enter a valid date", not "Required") and never parseable by `new Date` ("3/12/2026" would be).
 */
const NOT_A_DATE = "invalid:";

const parse = (kind: Kind, text: string, lng: string) =>
  kind === "date" ? parseDateText(text, lng) : kind === "time" ? parseTimeText(text) : parseDateTimeText(text, lng);
const format = (kind: Kind, value: string, lng: string) =>
  kind === "date" ? formatDateText(value, lng) : kind === "time" ? formatTimeText(value, lng) : formatDateTimeText(value, lng);

/**
 * A date, a time of day or both, typed in the interface's language (i18n/dates.ts says why not the
 * browser's own inputs). `value` and `onChange` speak what <input type="date|time|datetime-local">
 * did; the field shows the expected pattern and reads the day back in words, so 03/12 is never
 * taken for March by someone used to the other order.
 */
export function DateTimeField(props: {
  kind: Kind;
  label: string;
  value: string;
  /** Shaped like an input's change event, so forms' `set("field")` handlers take it as they are. */
  onChange: (e: { target: { value: string } }) => void;
  name?: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const [text, setText] = useState(() => format(props.kind, props.value, lng));
  // Once the person leaves the field, text that is not a date says so (forms without a schema need it too).
  const [left, setLeft] = useState(false);
  const emitted = useRef(props.value);
  // A value set from outside (a reset, a draft loaded) or a language switch rewrites the text; the
  // person's own typing does not (their text stays as typed until they leave the field).
  const shownIn = useRef(lng);
  useEffect(() => {
    const switched = shownIn.current !== lng;
    shownIn.current = lng;
    if (props.value === emitted.current && !switched) return;
    emitted.current = props.value;
    if (!props.value.startsWith(NOT_A_DATE)) setText(format(props.kind, props.value, lng));
  }, [props.value, props.kind, lng]);
  const valid = props.value && !props.value.startsWith(NOT_A_DATE) ? props.value : null;

  const change = (next: string) => {
    setText(next);
    const v = next.trim() === "" ? "" : (parse(props.kind, next, lng) ?? `${NOT_A_DATE}${next}`);
    emitted.current = v;
    props.onChange({ target: { value: v } });
  };

  const { order, separator } = dateOrder(lng);
  const datePattern = order.map((p) => t(`app.datePattern.${p}`)).join(separator);
  const timePattern = uses12Hours(lng) ? t("app.datePattern.time12") : t("app.datePattern.time24");
  const pattern = props.kind === "date" ? datePattern : props.kind === "time" ? timePattern : `${datePattern} ${timePattern}`;
  const parsed = valid;
  // A time alone reads the same in words: only days are read back.
  const readBack = parsed && props.kind !== "time" ? readable(props.kind, parsed, lng) : null;
  const error = props.error ?? (left && props.value.startsWith(NOT_A_DATE) ? t("compose.err.date") : null);
  const described = [`${id}-hint`, readBack ? `${id}-read` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode={props.kind === "time" ? "text" : "numeric"}
        autoComplete="off"
        placeholder={pattern}
        value={text}
        required={props.required}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setLeft(true);
          if (parsed) setText(format(props.kind, parsed, lng));
        }}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        data-date-kind={props.kind}
      />
      <p className="hint" id={`${id}-hint`}>
        {props.hint ? `${props.hint} ` : ""}
        {t("app.datePattern.hint", { pattern })}
      </p>
      {readBack && (
        <p className="hint date-read-back" id={`${id}-read`} data-testid="date-read-back">
          {readBack}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The day in words, in the interface's language: "jueves, 3 de diciembre de 2026, 14:30". */
function readable(kind: "date" | "datetime", value: string, lng: string): string {
  if (kind === "date") return new Intl.DateTimeFormat(lng, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
  return new Intl.DateTimeFormat(lng, { dateStyle: "full", timeStyle: "short" }).format(new Date(value));
}
