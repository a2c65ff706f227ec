import http from "node:http";
import type { TestPlane } from "../../helpers/control-plane.js";

/**
 * One request from a chosen loopback source address (Linux routes all of 127.0.0.0/8 to lo), so a
 * test can be "five different attackers" and "the person" with real, distinct peer addresses.
 */
export function fromAddress(plane: TestPlane, localAddress: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const url = new URL(plane.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        localAddress,
        agent: false,
        headers: { ...(payload !== undefined ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) } : {}), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => {
          let parsed: any = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode!, body: parsed, headers: res.headers });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export const CLI = { "enlace-client": "cli" };
