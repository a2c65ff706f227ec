import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes, randomInt } from "node:crypto";
import { startLocalSynapse } from "#server/synapse/local.js";
import { ensureSynapse } from "#server/synapse/install.js";
import { SynapseAdmin } from "#server/synapse/admin-client.js";
import { connectBot } from "#server/synapse/bot.js";
import { matrixFetch, enc } from "#server/synapse/http.js";
import { mintFederationCertificates } from "#server/synapse/federation-ca.js";
import { freePort } from "../ports.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
/** The template prepared by the run's globalSetup (tests/helpers/synapse.ts); its database fits any name. */
const TEMPLATE_SERVER_NAME = "enlace.test";

/** The Secretariat's homeserver, two member states' (Chile, Jamaica), and one nobody registered. */
const ROLES = ["secretariat", "chile", "jamaica", "rogue"] as const;
export type Role = (typeof ROLES)[number];
const HOST_OCTET: Record<Role, number> = { secretariat: 2, chile: 3, jamaica: 4, rogue: 5 };

type FederatedSynapse = Awaited<ReturnType<typeof startMember>>;
export type TestFederation = Awaited<ReturnType<typeof startTestFederation>>;

/**
 * A random 127.N.M.0/24 per network: parallel runs (several helpers, CI) never share an address,
 * so each can bind federation's 8448 on its own. All of 127.0.0.0/8 is on `lo` already.
 */
function randomSubnet() {
  return `127.${randomInt(16, 250)}.${randomInt(0, 256)}`;
}

async function startMember(o: { role: Role; serverName: string; dir: string; caDir: string; python: string; loginPublicKey?: string }) {
  const dataDir = join(o.dir, o.role);
  await mkdir(dataDir, { recursive: true });
  const secrets = { jwtSecret: randomBytes(32).toString("hex"), registrationSharedSecret: randomBytes(24).toString("hex") };
  const hs = await startLocalSynapse({
    root: ROOT,
    dataDir,
    port: await freePort(),
    serverName: o.serverName,
    forTests: true,
    fromTemplate: true,
    templateServerName: TEMPLATE_SERVER_NAME,
    // Four Synapses start at once, often beside other test runs on two cores.
    startTimeoutMs: 240_000,
    federation: {
      bindAddress: o.serverName,
      tlsCertificatePath: join(o.caDir, `${o.serverName}.crt`),
      tlsPrivateKeyPath: join(o.caDir, `${o.serverName}.key`),
      customCaPaths: [join(o.caDir, "ca.crt")],
      allowLoopbackPeers: true,
      fastRetries: true,
    },
    ...(o.role === "chile" || o.role === "jamaica" ? { loginPublicKey: o.loginPublicKey } : {}),
    ...secrets,
    log: () => {},
  });
  const admin = new SynapseAdmin({ baseUrl: hs.url });
  // The registry bot lives on the Secretariat's homeserver only; another state's server has its own
  // operator, who administers it (a Synapse admin of that server, not ours).
  let botUserId: string;
  if (o.role === "secretariat") botUserId = await connectBot(admin, { ...secrets, serverName: o.serverName });
  else {
    const r = await admin.register(secrets.registrationSharedSecret, "operator", true);
    admin.setToken(r.access_token);
    botUserId = r.user_id;
  }
  return {
    ...hs,
    ...secrets,
    role: o.role,
    admin,
    /** The registry bot on the Secretariat's homeserver; elsewhere the server's own operator. */
    botUserId,
    /** A person with an account on this homeserver (shared-secret registration), signed in. */
    async user(localpart: string) {
      const r = await new SynapseAdmin({ baseUrl: hs.url }).register(secrets.registrationSharedSecret, localpart, false);
      return new MatrixUser(hs.url, r.user_id, r.access_token);
    },
  };
}

/** A signed-in Matrix account, on the client API only (what a person's client can do). */
export class MatrixUser {
  readonly http: { baseUrl: string; timeoutMs: number };
  constructor(
    baseUrl: string,
    readonly userId: string,
    readonly token: string,
  ) {
    this.http = { baseUrl, timeoutMs: 60_000 };
  }
  call<T = any>(method: string, path: string, body?: unknown) {
    return matrixFetch<T>(this.http, method, path, body, this.token);
  }
  /** Joins through `via` (room IDs of version 12 name no server, so a remote join must say where). */
  join(roomId: string, via: string) {
    return this.call<{ room_id: string }>("POST", `/_matrix/client/v3/join/${enc(roomId)}?server_name=${enc(via)}`, {});
  }
  send(roomId: string, body: string) {
    return this.call<{ event_id: string }>("PUT", `/_matrix/client/v3/rooms/${enc(roomId)}/send/m.room.message/${randomBytes(8).toString("hex")}`, {
      msgtype: "m.text",
      body,
    });
  }
  /** The latest text messages of a room this account can read, oldest first. */
  async texts(roomId: string) {
    const r = await this.call<{ chunk: Array<{ type: string; sender: string; content: { body?: string } }> }>(
      "GET",
      `/_matrix/client/v3/rooms/${enc(roomId)}/messages?dir=b&limit=50`,
    );
    return r.chunk
      .filter((e) => e.type === "m.room.message")
      .map((e) => ({ sender: e.sender, body: e.content.body ?? "" }))
      .reverse();
  }
  async joinedMembers(roomId: string) {
    return Object.keys((await this.call<{ joined: Record<string, unknown> }>("GET", `/_matrix/client/v3/rooms/${enc(roomId)}/joined_members`)).joined);
  }
}

/**
 * Four Synapses federating over TLS on loopback, each named by its own IP literal (127.N.M.2–5, so
 * `m.room.server_acl` tells them apart; it ignores ports), with certificates from a CA minted for
 * this network only, trusted by `federation_custom_ca_list` (which replaces the system CAs), no key
 * notary, short retry intervals and raised rate limits. Started in parallel. With `loginPublicKey`,
 * Chile's and Jamaica's accept the control plane's Ed25519 sign-in grants (audience: their name).
 */
export async function startTestFederation(o: { roles?: readonly Role[]; loginPublicKey?: string } = {}) {
  const roles = o.roles ?? ROLES;
  const { python } = await ensureSynapse(ROOT);
  // tmpfs when available: throwaway homeservers need no durability, and SQLite fsyncs dominate.
  const dir = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "enlace-federation-"));
  const subnet = randomSubnet();
  const names = Object.fromEntries(roles.map((r) => [r, `${subnet}.${HOST_OCTET[r]}`])) as Record<Role, string>;
  const caDir = join(dir, "ca");
  await mintFederationCertificates(python, caDir, Object.values(names));
  const started = await Promise.allSettled(
    roles.map((role) => startMember({ role, serverName: names[role], dir, caDir, python, loginPublicKey: o.loginPublicKey })),
  );
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await close();
    throw (failed as PromiseRejectedResult).reason;
  }
  const byRole = Object.fromEntries(servers.map((s) => [s.role, s])) as Record<Role, FederatedSynapse>;
  return { ...byRole, servers, names, caDir, close };
}
