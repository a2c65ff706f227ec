import { join } from "node:path";
import { startLocalSynapse } from "#server/synapse/local.js";
import { ensureSynapse } from "#server/synapse/install.js";
import { mintFederationCertificates } from "#server/synapse/federation-ca.js";
import type { FederationOptions } from "#server/synapse/federation.js";
import { LOCAL_SERVER_NAME, synapseSecrets } from "./local-synapse.js";

/**
 * Federation options for the Secretariat's homeserver (`localhost`: peers reach it on 127.0.0.1:8448,
 * the port a name without one means) and the member state's (named by its own loopback address, so
 * `m.room.server_acl` tells the two apart), both trusting only this start's CA.
 */
export async function demoFederation(root: string, dataDir: string, memberServerName: string) {
  const { python } = await ensureSynapse(root, console.log);
  const ca = await mintFederationCertificates(python, join(dataDir, "federation-ca"), [LOCAL_SERVER_NAME, memberServerName]);
  const options = (name: string, bindAddress: string): FederationOptions => ({
    bindAddress,
    ...ca.certificateOf(name),
    customCaPaths: [ca.caPath],
    allowLoopbackPeers: true,
    // One machine, peers restarted together: retry a peer that was down within seconds, not minutes.
    fastRetries: true,
  });
  return { secretariat: options(LOCAL_SERVER_NAME, "127.0.0.1"), member: options(memberServerName, memberServerName) };
}

/**
 * The member state's homeserver: its own data and secrets (its operator's, not the Secretariat's),
 * signing in people only with the control plane's public-key grants addressed to it.
 */
export async function runMemberStateSynapse(
  root: string,
  dataDir: string,
  o: { serverName: string; clientPort: number; loginPublicKey: string; federation: FederationOptions },
) {
  const secrets = await synapseSecrets(dataDir, "member-state-synapse.json");
  const hs = await startLocalSynapse({
    root,
    dataDir: join(dataDir, "member-state", "synapse"),
    port: o.clientPort,
    serverName: o.serverName,
    fromTemplate: true,
    // An empty database does not depend on the server name: the Secretariat's template serves.
    templateServerName: LOCAL_SERVER_NAME,
    loginPublicKey: o.loginPublicKey,
    federation: o.federation,
    ...secrets,
    log: console.log,
  });
  return { hs, clientUrl: `http://localhost:${o.clientPort}` };
}
