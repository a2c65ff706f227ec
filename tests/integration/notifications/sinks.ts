import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part, if any ("" without one). */
  html: string;
  /** Every header line as sent (From, To, Subject, List-*, …): content could hide in any of them. */
  headers: string[];
}

/** A real SMTP server on loopback: every mail the control plane sends, parsed. */
export async function startMailSink() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (m) => {
          const to = Array.isArray(m.to) ? m.to[0] : m.to;
          mails.push({
            to: to?.value[0]?.address ?? "",
            subject: m.subject ?? "",
            text: m.text ?? "",
            html: typeof m.html === "string" ? m.html : "",
            headers: m.headerLines.map((h) => h.line),
          });
          cb();
        },
        (err) => cb(err),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as { port: number }).port;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * A push service on loopback: subscriptions with real P-256 keys and auth secrets, and an endpoint
 * that decrypts each message (RFC 8291 aes128gcm, RFC 8188 framing) with the subscription's own
 * private key, as the browser would. `status` makes an endpoint answer something else (410: gone).
 */
export async function startPushService() {
  const subs = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer; received: unknown[]; status: number }>();
  const floor: number[] = [];
  const received: Array<{ sub: string; payload: any; headers: Record<string, string | string[] | undefined>; at: number }> = [];
  const tls = selfSigned();
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      // The floor a benchmark compares with: a plain POST, answered at once.
      if (req.url === "/floor") {
        floor.push(performance.now());
        return void res.writeHead(201).end();
      }
      const id = req.url!.split("/").pop()!;
      const s = subs.get(id);
      if (!s) return void res.writeHead(404).end();
      if (s.status !== 201) return void res.writeHead(s.status).end();
      try {
        const payload = JSON.parse(decrypt(Buffer.concat(chunks), s.ecdh, s.auth));
        s.received.push(payload);
        received.push({ sub: id, payload, headers: req.headers, at: performance.now() });
        res.writeHead(201).end();
      } catch (err) {
        res.writeHead(400).end(String(err));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    floor,
    floorUrl: `${base}/floor`,
    /** Trusts this service's certificate only (web-push speaks HTTPS, as push services do). */
    agent: new Agent({ ca: tls.cert, keepAlive: true, maxSockets: 64 }),
    received,
    subscribe() {
      const id = randomBytes(8).toString("hex");
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subs.set(id, { ecdh, auth, received: [], status: 201 });
      return { id, json: { endpoint: `${base}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } } };
    },
    receivedBy: (id: string) => subs.get(id)!.received as any[],
    answer(id: string, status: number) {
      subs.get(id)!.status = status;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A certificate for 127.0.0.1 made with the openssl command line, for this test run only. */
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), "enlace-push-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function decrypt(body: Buffer, ua: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const secret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), ua.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", secret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const d = createDecipheriv("aes-128-gcm", cek, nonce);
  d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.length - 16)), d.final()]);
  // One record: the padding delimiter 0x02, then zeros.
  let end = plain.length - 1;
  while (end > 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error("no last-record delimiter");
  return plain.subarray(0, end).toString("utf8");
}
