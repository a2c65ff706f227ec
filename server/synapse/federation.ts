/**
 * The settings a homeserver needs to federate over TLS with peers it knows by name: the Secretariat's
 * and the member states' homeservers, in tests on loopback addresses (see MATRIX-NOTES, federation).
 */
export interface FederationOptions {
  /** The address the federation listener binds (the server name's address when it is an IP literal). */
  bindAddress: string;
  /** 8448 unless the server name carries a port (an IP literal without port means 8448 to peers). */
  federationPort?: number;
  tlsCertificatePath: string;
  tlsPrivateKeyPath: string;
  /** CAs trusted for peers' certificates. Replaces the system CAs (a closed federation's own CA). */
  customCaPaths?: string[];
  /** Peers on loopback or private addresses (tests, one machine): taken off Synapse's IP blocklist. */
  allowLoopbackPeers?: boolean;
  /** Short retry intervals so a peer that was down is retried within seconds (tests, faults). */
  fastRetries?: boolean;
}

// Synapse's DEFAULT_IP_RANGE_BLOCKLIST (synapse/config/server.py, 1.163) without 127.0.0.0/8: peers
// named by IP literals skip ip_range_whitelist, so loopback must come off the blocklist itself.
// Private networks stay blocked: only loopback is opened.
const BLOCKLIST_WITHOUT_LOOPBACK = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "192.0.0.0/24",
  "169.254.0.0/16",
  "192.88.99.0/24",
  "198.18.0.0/15",
  "192.0.2.0/24",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "::1/128",
  "fe80::/10",
  "fc00::/7",
  "2001:db8::/32",
  "ff00::/8",
  "fec0::/10",
];

/** Overrides for homeserver.yaml: a client listener on `clientPort` (loopback) plus a TLS federation listener. */
export function federationConfig(f: FederationOptions, clientPort: number) {
  return {
    listeners: [
      { port: clientPort, bind_addresses: ["127.0.0.1"], type: "http", tls: false, x_forwarded: false, resources: [{ names: ["client"], compress: false }] },
      {
        port: f.federationPort ?? 8448,
        bind_addresses: [f.bindAddress],
        type: "http",
        tls: true,
        x_forwarded: false,
        resources: [{ names: ["federation"], compress: false }],
      },
    ],
    tls_certificate_path: f.tlsCertificatePath,
    tls_private_key_path: f.tlsPrivateKeyPath,
    federation_verify_certificates: true,
    ...(f.customCaPaths ? { federation_custom_ca_list: f.customCaPaths } : {}),
    ...(f.allowLoopbackPeers
      ? { ip_range_blacklist: BLOCKLIST_WITHOUT_LOOPBACK, federation_ip_range_blacklist: BLOCKLIST_WITHOUT_LOOPBACK, ip_range_whitelist: ["127.0.0.0/8"] }
      : {}),
    // No notary: each server fetches its peers' keys from the peers themselves (matrix.org is no party here).
    trusted_key_servers: [],
    ...(f.fastRetries
      ? { federation: { destination_min_retry_interval: "1s", destination_retry_multiplier: 1.5, destination_max_retry_interval: "5s", client_timeout: "20s" } }
      : {}),
  };
}
