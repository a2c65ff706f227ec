import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../domain/context.js";
import { withTransaction } from "../db/pool.js";
import { seedActivePerson } from "../domain/registry/seed.js";
import { findPersonIdByEmail } from "../domain/registry/repo.js";
import * as homeservers from "../domain/homeservers/repo.js";
import { requiresTotp } from "../domain/auth/principal.js";
import type { RoleGrant } from "../domain/auth/principal.js";
import { DEMO_PASSWORD } from "./accounts.js";
import type { DemoCredentials } from "./seed.js";

const fileOf = (dataDir: string) => join(dataDir, "demo-member-state.json");

interface Recorded {
  serverName: string;
  credentials: DemoCredentials;
}

/** The demo's homeserver row (created, or re-activated), audited as the system's doing. */
async function registerActive(ctx: Ctx, serverName: string, memberState: string, clientUrl: string) {
  await withTransaction(ctx, async (tx) => {
    const existing = (await homeservers.listHomeservers(tx)).find((h) => h.serverName === serverName);
    if (existing?.status === "active" && existing.clientUrl === clientUrl) return;
    if (existing && existing.clientUrl !== clientUrl)
      throw new Error(`${serverName} is registered with another client URL (${existing.clientUrl}); remove the data directory to start afresh`);
    const hs = existing
      ? await homeservers.setHomeserverStatus(tx, existing.id, "active")
      : await homeservers.insertHomeserver(tx, serverName, memberState, clientUrl);
    await ctx.audit.append(tx, {
      actor: "system",
      action: existing ? "homeserver.status_changed" : "homeserver.registered",
      subject: hs!.id,
      details: existing ? { status: "active" } : { serverName, memberState, clientUrl, demo: true },
    });
    await ctx.hooks.registryChanged(tx, "demo member state's homeserver");
  });
}

/**
 * `npm start`'s member state: its homeserver registered as that state's, and one demo focal point
 * (tourism and crowded spaces, like the other demo focal points) whose Matrix account lives there.
 * Idempotent; the credentials are kept beside the other demo accounts' (outside git).
 */
export async function ensureDemoMemberState(ctx: Ctx, dataDir: string, o: { memberState: string; serverName: string; clientUrl: string }) {
  await registerActive(ctx, o.serverName, o.memberState, o.clientUrl);
  const email = `focal.${o.memberState.toLowerCase()}.home@demo.enlace.test`;
  const file = fileOf(dataDir);
  const exists = (await findPersonIdByEmail(ctx.db, email)) !== null;
  const recorded = existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as Recorded) : null;
  if (exists && recorded?.credentials.email === email) return recorded.credentials;
  if (exists || recorded) throw new Error(`the demo already has another member state's homeserver (${file}); remove ${dataDir} to start afresh`);
  const roles: RoleGrant[] = ["tourism", "crowded-spaces"].map((program) => ({ role: "focal_point", memberState: o.memberState, program }));
  const { totpSecret } = await seedActivePerson(ctx, {
    email,
    fullName: "Rocío Remota",
    memberState: o.memberState,
    roles,
    password: DEMO_PASSWORD,
    totp: requiresTotp(roles, ctx.settings.totpRequiredFor),
    // Her account is on her state's homeserver; she signs in there with the control plane's grant.
    matrixUserId: `@rocio:${o.serverName}`,
  });
  const credentials: DemoCredentials = {
    email,
    label: `Focal point (${o.memberState}, tourism) on ${o.memberState}'s own homeserver`,
    password: DEMO_PASSWORD,
    totpSecret,
  };
  await writeFile(file, JSON.stringify({ serverName: o.serverName, credentials } satisfies Recorded, null, 2), { mode: 0o600 });
  return credentials;
}

/**
 * Started without the member state this time: its homeserver, registered by an earlier start, is not
 * running, so it is suspended (rooms stop admitting it; nobody waits on it). The next member-state
 * start makes it active again.
 */
export async function suspendDemoMemberState(ctx: Ctx, dataDir: string) {
  if (!existsSync(fileOf(dataDir))) return;
  const { serverName } = JSON.parse(await readFile(fileOf(dataDir), "utf8")) as Recorded;
  await withTransaction(ctx, async (tx) => {
    const hs = (await homeservers.listHomeservers(tx)).find((h) => h.serverName === serverName);
    if (hs?.status !== "active") return;
    await homeservers.setHomeserverStatus(tx, hs.id, "suspended");
    await ctx.audit.append(tx, { actor: "system", action: "homeserver.status_changed", subject: hs.id, details: { status: "suspended" } });
    await ctx.hooks.registryChanged(tx, "demo member state's homeserver not started");
  });
}
