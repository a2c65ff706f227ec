import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../domain/context.js";
import { withTransaction } from "../db/pool.js";
import { seedActivePerson } from "../domain/registry/seed.js";
import { insertEvent } from "../domain/events/repo.js";
import { findPersonIdByEmail } from "../domain/registry/repo.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts.js";
import { currentTotp } from "../domain/auth/totp.js";
import { requiresTotp } from "../domain/auth/principal.js";

export interface DemoCredentials {
  email: string;
  label: string;
  password: string;
  totpSecret: string | null;
}

const fileOf = (dataDir: string) => join(dataDir, "demo-accounts.json");

/** Seeds the demo network once (idempotent) and returns the demo credentials, kept outside git. */
export async function ensureDemoData(ctx: Ctx, dataDir: string): Promise<DemoCredentials[]> {
  const file = fileOf(dataDir);
  const exists = (await findPersonIdByEmail(ctx.db, DEMO_ACCOUNTS[0].email)) !== null;
  if (exists && existsSync(file)) return JSON.parse(await readFile(file, "utf8"));
  if (exists) throw new Error(`demo data exists but ${file} is missing; remove ${dataDir} to start afresh`);
  const creds = await withTransaction(ctx, async (tx) => {
    const out: DemoCredentials[] = [];
    for (const a of DEMO_ACCOUNTS) {
      const totp = requiresTotp(a.roles, ctx.settings.totpRequiredFor);
      const { totpSecret } = await seedActivePerson(ctx, { ...a, password: DEMO_PASSWORD, totp }, tx);
      out.push({ email: a.email, label: a.label, password: DEMO_PASSWORD, totpSecret });
    }
    const coordinator = (await findPersonIdByEmail(tx, "coordinator.cl@demo.enlace.test"))!;
    await insertEvent(tx, {
      name: "Caribbean Cricket Championship 2027",
      hostState: "JM",
      startsOn: "2027-03-01",
      endsOn: "2027-03-21",
      venueType: "stadium",
      supportingStates: ["BB", "TT", "CL"],
      createdBy: coordinator,
    });
    return out;
  });
  await writeFile(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

export async function demoCode(dataDir: string, email: string): Promise<string> {
  const creds: DemoCredentials[] = JSON.parse(
    await readFile(fileOf(dataDir), "utf8").catch(() => {
      throw new Error("no demo accounts yet: run npm start first");
    }),
  );
  const c = creds.find((x) => x.email === email.toLowerCase());
  if (!c) throw new Error(`no demo account ${email}`);
  if (!c.totpSecret) throw new Error(`${email} has no second factor`);
  return currentTotp(c.totpSecret);
}

export function formatDemoTable(creds: DemoCredentials[], url: string): string {
  const lines = [`Enlace is running at ${url}`, "", "Demo accounts (password for all: " + DEMO_PASSWORD + "):"];
  for (const c of creds) {
    lines.push(`  ${c.label.padEnd(52)} ${c.email}`);
    if (c.totpSecret) lines.push(`  ${"".padEnd(52)} TOTP secret ${c.totpSecret}  (current code: npx enlace demo-code ${c.email})`);
  }
  return lines.join("\n");
}
