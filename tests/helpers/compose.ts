// What `docker compose` does to docker-compose.yml before it runs anything, for a test without a
// Docker engine: read the .env file, substitute variables in every value of the parsed YAML (not
// in keys), report a missing required variable with Compose's own words. Written from the
// Compose Specification's "Interpolation" section and compose-go's error messages.
import { parse } from "yaml";

export type Lookup = (name: string) => string | undefined;

/** Compose's interpolation error; `message` is what `docker compose config` prints. */
export class InterpolationError extends Error {}
/** A malformed `$…` (a lone `$`, an unclosed `${`): Compose tells to escape it as `$$`. */
class InvalidTemplateError extends InterpolationError {
  constructor(readonly template: string) {
    super(`Invalid template: "${template}"`);
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Index of the `}` closing the `${` whose `{` is at `open`, or -1. */
function closingBrace(s: string, open: number): number {
  let depth = 1;
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === "$" && s[i + 1] === "$") {
      i++;
      continue;
    }
    if (s[i] === "$" && s[i + 1] === "{") {
      depth++;
      i++;
      continue;
    }
    if (s[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function braced(inner: string, whole: string, lookup: Lookup): string {
  const name = NAME.exec(inner)?.[0];
  if (!name) throw new InvalidTemplateError(whole);
  const rest = inner.slice(name.length);
  const value = lookup(name);
  if (rest === "") return value ?? "";
  const op = [":-", ":?", ":+", "-", "?", "+"].find((o) => rest.startsWith(o));
  if (!op) throw new InvalidTemplateError(whole);
  const arg = () => substitute(rest.slice(op.length), lookup);
  // With a colon an empty value counts as unset, as in the shell.
  const usable = value !== undefined && (!op.startsWith(":") || value !== "");
  switch (op.at(-1)) {
    case "-":
      return usable ? value! : arg();
    case "+":
      return usable ? arg() : "";
    default: {
      if (usable) return value!;
      const reason = arg();
      throw new InterpolationError(`required variable ${name} is missing a value${reason ? `: ${reason}` : ""}`);
    }
  }
}

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`. */
export function substitute(s: string, lookup: Lookup): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "$") {
      out += s[i];
      continue;
    }
    const next = s[i + 1];
    if (next === "$") {
      out += "$";
      i++;
      continue;
    }
    if (next === "{") {
      const end = closingBrace(s, i + 1);
      if (end < 0) throw new InvalidTemplateError(s);
      out += braced(s.slice(i + 2, end), s, lookup);
      i = end;
      continue;
    }
    const name = NAME.exec(s.slice(i + 1))?.[0];
    if (!name) throw new InvalidTemplateError(s);
    out += lookup(name) ?? "";
    i += name.length;
  }
  return out;
}

/** Interpolates every string value of a parsed compose file; errors name the path like Compose does. */
function interpolate(node: unknown, lookup: Lookup, path: string[] = []): unknown {
  if (typeof node === "string") {
    try {
      return substitute(node, lookup);
    } catch (err) {
      if (err instanceof InvalidTemplateError) {
        throw new InterpolationError(`invalid interpolation format for ${path.join(".")}.\nYou may need to escape any $ with another $.\n${err.template}`);
      }
      if (!(err instanceof InterpolationError)) throw err;
      throw new InterpolationError(`error while interpolating ${path.join(".")}: ${err.message}`);
    }
  }
  // compose-go names every list item "[]" in a path.
  if (Array.isArray(node)) return node.map((v) => interpolate(v, lookup, [...path, "[]"]));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolate(v, lookup, [...path, k])]));
  }
  return node;
}

/**
 * An .env file as Compose reads it: KEY=VALUE lines, `#` comments, optional `export `, values in
 * single quotes taken literally, unquoted and double-quoted values interpolated with what came before.
 */
export function parseDotEnv(text: string, outer: Record<string, string | undefined> = {}): Record<string, string> {
  const vars: Record<string, string> = {};
  const lookup: Lookup = (n) => outer[n] ?? vars[n];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new Error(`unexpected line in .env: ${line}`);
    const [, key, v] = m;
    if (v.startsWith("'") && v.lastIndexOf("'") > 0) vars[key] = v.slice(1, v.lastIndexOf("'"));
    else if (v.startsWith('"') && v.lastIndexOf('"') > 0)
      vars[key] = substitute(v.slice(1, v.lastIndexOf('"')).replace(/\\n/g, "\n").replace(/\\"/g, '"'), lookup);
    else vars[key] = substitute(v.replace(/\s+#.*$/, ""), lookup);
  }
  return vars;
}

/**
 * docker-compose.yml as `docker compose config` would see it: the process environment wins over
 * the .env file, as in Compose.
 */
export function loadCompose(yamlText: string, dotEnv: string, env: Record<string, string | undefined> = {}): Record<string, unknown> {
  const fromFile = parseDotEnv(dotEnv, env);
  const lookup: Lookup = (n) => env[n] ?? fromFile[n];
  return interpolate(parse(yamlText), lookup) as Record<string, unknown>;
}
