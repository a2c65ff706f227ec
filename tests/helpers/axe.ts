// Accessibility checks of a rendered page with axe-core, injected as a script into the page under
// test (no browser extension, no network): the real Chromium, the real layout and computed colours.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
let source: Promise<string> | null = null;
const axeSource = () => (source ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8"));

/** The impacts that fail a screen; "minor" and "moderate" findings are reported but do not fail. */
const FAILING = new Set(["serious", "critical"]);

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now (WCAG 2.x A and AA rules and axe's best practices). */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the client's Content Security
  // Policy (script-src 'self') rightly refuses inline scripts, and the check must not loosen it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${await axeSource()}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
  });
}

/** One line per violation: its rule, impact, what it asks for and the elements (selectors) it found. */
const describeViolations = (vs: Violation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 8).join(", ")}${v.targets.length > 8 ? ` … ${v.targets.length} elements` : ""}`);

/** Fails, naming every serious or critical violation, unless the page has none. */
export async function expectAccessible(page: Page, label: string): Promise<Violation[]> {
  const all = await axeViolations(page);
  const failing = all.filter((v) => v.impact !== null && FAILING.has(v.impact));
  if (failing.length) throw new Error(`${label}: ${failing.length} serious or critical accessibility violation(s):\n${describeViolations(failing).join("\n")}`);
  return all;
}
