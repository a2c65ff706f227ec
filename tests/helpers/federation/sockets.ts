import { readFile } from "node:fs/promises";

export interface TcpSocket {
  local: string;
  localPort: number;
  remote: string;
  remotePort: number;
  state: "listen" | "established" | "other";
}

/** /proc/net/tcp writes an IPv4 address as 8 hex digits in host (little-endian) order. */
function ipv4(hex: string) {
  return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(".");
}

/** The IPv6 form is four little-endian 32-bit words; IPv4-mapped addresses are shown as IPv4. */
function ipv6(hex: string) {
  const words = [0, 8, 16, 24].map((i) =>
    hex
      .slice(i, i + 8)
      .match(/../g)!
      .reverse()
      .join(""),
  );
  const full = words.join("");
  if (full.startsWith("00000000000000000000ffff")) return ipv4(words[3]!.match(/../g)!.reverse().join(""));
  return full.match(/.{4}/g)!.join(":");
}

/** Every TCP socket of this machine's network namespace (Linux), IPv4 and IPv6. */
export async function tcpSockets(): Promise<TcpSocket[]> {
  const out: TcpSocket[] = [];
  for (const [file, addr] of [
    ["/proc/net/tcp", ipv4],
    ["/proc/net/tcp6", ipv6],
  ] as const) {
    const text = await readFile(file, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4) continue;
      const [l, lp] = f[1]!.split(":");
      const [r, rp] = f[2]!.split(":");
      out.push({
        local: addr(l!),
        localPort: Number.parseInt(lp!, 16),
        remote: addr(r!),
        remotePort: Number.parseInt(rp!, 16),
        state: f[3] === "0A" ? "listen" : f[3] === "01" ? "established" : "other",
      });
    }
  }
  return out;
}

export const isLoopback = (address: string) => address.startsWith("127.") || address === "0000:0000:0000:0000:0000:0000:0000:0001";
