// Shared steps of the browser tests: seeding people in the registry and driving the sign-in form.
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { seedActivePerson } from "../../server/domain/registry/seed.js";
import { currentTotp } from "../../server/domain/auth/totp.js";
import type { RoleGrant } from "../../server/domain/auth/principal.js";
import type { TestPlane } from "../helpers/control-plane.js";

export const PASSWORD = "correct horse battery staple";
export interface Person { id: string; email: string; fullName: string; password: string; totpSecret: string | null }

let n = 0;
export async function seedPerson(plane: TestPlane, fullName: string, roles: RoleGrant[], memberState: string | null): Promise<Person> {
  const email = `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}.${n++}@e2e.example.org`;
  const staff = roles.some((r) => r.role !== "focal_point" && r.role !== "alternate");
  const { id, totpSecret } = await seedActivePerson(plane.ctx, { email, fullName, memberState, roles, password: PASSWORD, totp: staff });
  return { id, email, fullName, password: PASSWORD, totpSecret };
}

/**
 * A code the server has not seen yet: the test plane's clock stands still, and a code of an already
 * used 30-second step is refused as a replay, so every sign-in moves the clock one step on.
 */
export function freshCode(plane: TestPlane, secret: string) {
  plane.clock.advance(30_000);
  return currentTotp(secret, plane.clock.now.getTime());
}

/** Fills the sign-in form; when the server asks for the second factor, the code field appears. */
export async function signIn(page: Page, plane: TestPlane, who: Person) {
  await page.locator("input[name=email]").fill(who.email);
  await page.locator("input[name=password]").fill(who.password);
  await page.locator("main button[type=submit]").click();
  if (who.totpSecret) {
    const code = page.locator("input[name=totp]");
    await code.waitFor();
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);   // focus moves to the new field
    await code.fill(freshCode(plane, who.totpSecret));
    await page.locator("main button[type=submit]").click();
  }
  await page.locator("header nav").waitFor();
}

export async function go(page: Page, navName: string) {
  await page.locator("header nav").getByRole("link", { name: navName, exact: true }).click();
}

/** Waits until no loading indicator is left (every loading text ends with an ellipsis). */
export async function settled(page: Page) {
  await page.waitForFunction(() => ![...document.querySelectorAll("[role=status]")].some((e) => (e.textContent ?? "").trim().endsWith("…")));
}

/** UI text a person can see or hear: text nodes and the accessible-name attributes. */
export function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = (n.textContent ?? "").trim();
      // translate="no" marks data shown verbatim (audit action codes, TLP labels), never UI text.
      if (s && !n.parentElement?.closest("[translate=no]")) out.push(s);
    }
    for (const el of document.body.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
      for (const a of ["aria-label", "title", "placeholder", "alt"]) { const v = el.getAttribute(a); if (v) out.push(v); }
    }
    return out;
  });
}

/** The page has no horizontal scrolling (the phone layout fits). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
