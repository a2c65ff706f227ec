import { createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { request } from "node:https";
import { join } from "node:path";
import { canonicalJson } from "#shared/crypto/canonical.js";

/**
 * What a homeserver's operator can do beyond any client: speak federation with the server's own
 * signing key (homeserver.yaml's signing.key), pushing hand-made events to a peer. The attack tests
 * use it to show that a peer refuses what the registry does not allow, whoever signs it.
 */
export interface ServerKey {
  serverName: string;
  keyId: string;
  key: KeyObject;
}

// An Ed25519 private key in PKCS#8 DER is this prefix followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const unpadded = (b: Buffer) => b.toString("base64").replace(/=+$/, "");

/** The homeserver's own signing key, read from its data directory ("ed25519 <version> <seed>"). */
export async function serverKey(dataDir: string, serverName: string): Promise<ServerKey> {
  const [alg, version, seed] = (await readFile(join(dataDir, "signing.key"), "utf8")).trim().split(/\s+/);
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed!, "base64")]), format: "der", type: "pkcs8" });
  return { serverName, keyId: `${alg}:${version}`, key };
}

const signJson = (k: ServerKey, value: unknown) => unpadded(sign(null, Buffer.from(canonicalJson(value)), k.key));

// The top-level keys an event keeps when redacted (room versions 11 and 12), over which servers sign.
const KEPT = ["type", "room_id", "sender", "state_key", "content", "hashes", "signatures", "depth", "prev_events", "auth_events", "origin_server_ts"];
const KEPT_CONTENT: Record<string, string[]> = { "m.room.member": ["membership", "join_authorised_via_users_server"] };

/**
 * A PDU of room version 12 as `k`'s server would build it: content hash, then the server's
 * signature over the redacted form. Well formed and correctly signed, so whatever a receiving
 * server refuses it for is its own rule (ACL, authorisation), not a malformed event.
 */
export function signedPdu(k: ServerKey, event: Record<string, unknown>) {
  const ev: Record<string, unknown> = { origin_server_ts: Date.now(), ...event };
  ev.hashes = { sha256: unpadded(createHash("sha256").update(canonicalJson(ev)).digest()) };
  const redacted = Object.fromEntries(Object.entries(ev).filter(([name]) => KEPT.includes(name)));
  const keep = KEPT_CONTENT[String(ev.type)] ?? [];
  redacted.content = Object.fromEntries(Object.entries(ev.content as Record<string, unknown>).filter(([name]) => keep.includes(name)));
  return { ...ev, signatures: { [k.serverName]: { [k.keyId]: signJson(k, redacted) } } };
}

/** The event ID a server gives a PDU of room version 12: the hash of its redacted form. */
export function eventIdOf(pdu: Record<string, unknown>) {
  const redacted = Object.fromEntries(Object.entries(pdu).filter(([name]) => KEPT.includes(name) && name !== "signatures"));
  const keep = KEPT_CONTENT[String(pdu.type)] ?? [];
  redacted.content = Object.fromEntries(Object.entries(pdu.content as Record<string, unknown>).filter(([name]) => keep.includes(name)));
  return `$${createHash("sha256").update(canonicalJson(redacted)).digest("base64url")}`;
}

/**
 * PUT /_matrix/federation/v1/send/{txn} from `from` to `to` (port 8448, TLS checked against the
 * test CA, loopback only), with the X-Matrix request signature. Returns the per-PDU results.
 */
export async function sendTransaction(from: ServerKey, to: string, caPath: string, pdus: unknown[]) {
  const path = `/_matrix/federation/v1/send/forged-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const content = { origin: from.serverName, origin_server_ts: Date.now(), pdus, edus: [] };
  const sig = signJson(from, { method: "PUT", uri: path, origin: from.serverName, destination: to, content });
  const authorization = `X-Matrix origin="${from.serverName}",destination="${to}",key="${from.keyId}",sig="${sig}"`;
  const body = JSON.stringify(content);
  const ca = await readFile(caPath);
  return new Promise<{ status: number; body: { pdus?: Record<string, { error?: string; errcode?: string }> } & Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: to,
        port: 8448,
        path,
        method: "PUT",
        ca,
        headers: { authorization, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || "{}") });
          } catch {
            reject(new Error(`federation answered ${res.statusCode}: ${text.slice(0, 300)}`));
          }
        });
      },
    );
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error("federation request timed out")));
    req.end(body);
  });
}
