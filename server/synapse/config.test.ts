import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSynapseConfig } from "./config.js";

const write = async (forTests: boolean) => {
  const dir = await mkdtemp(join(tmpdir(), "enlace-synapse-config-"));
  try {
    const path = await writeSynapseConfig({
      serverName: "hs.test",
      port: 1,
      dataDir: dir,
      jwtSecret: "j".repeat(32),
      registrationSharedSecret: "r".repeat(32),
      forTests,
    });
    return JSON.parse(await readFile(path, "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

describe("Synapse's sign-in limits", () => {
  it("outside tests: an office behind one address (or npm start on loopback) is not refused after three sign-ins, and limits stay finite", async () => {
    const c = await write(false);
    // Synapse's default is a burst of 3 per address, then one every 6 s.
    expect(c.rc_login.address.burst_count).toBeGreaterThanOrEqual(30);
    expect(c.rc_login.account.burst_count).toBeGreaterThanOrEqual(10);
    for (const k of ["address", "account", "failed_attempts"]) expect(c.rc_login[k].per_second).toBeLessThanOrEqual(1);
    // A person acknowledging or sending a batch in a row is not refused (the default bursts 10, then one per 5 s).
    expect(c.rc_message.burst_count).toBeGreaterThanOrEqual(30);
    expect(c.rc_message.per_second).toBeGreaterThanOrEqual(1);
    expect(c.rc_message.per_second).toBeLessThan(100);
    expect(c.rc_joins).toBeUndefined(); // other limits keep Synapse's defaults
  });
  it("tests: every limit out of the way", async () => {
    expect((await write(true)).rc_login.address.burst_count).toBeGreaterThan(1000);
  });
});
