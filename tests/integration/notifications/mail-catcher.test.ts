import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { startMailCatcher } from "../../../scripts/mail-catcher.js";
import { createChannels } from "#server/domain/notifications/channels.js";

describe("npm start's mail catcher", () => {
  it("receives what the control plane's mail channel sends and writes it as an .eml file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "enlace-mail-"));
    const catcher = await startMailCatcher(dir);
    const ch = createChannels({
      vapid: { publicKey: "", privateKey: "" },
      subject: "mailto:x@example.org",
      smtpUrl: catcher.url,
      from: "Enlace <enlace@localhost>",
    });
    await ch.mail!({ to: "nominee@gob.cl", subject: "Enlace: Su enlace de inscripción en Enlace", text: "http://localhost:8080/#/enroll/abc" });
    await ch.close();
    await catcher.close();
    const files = await readdir(dir);
    expect(files).toEqual([expect.stringMatching(/nominee@gob\.cl\.eml$/)]);
    const m = await simpleParser(await readFile(join(dir, files[0])));
    expect(m.subject).toBe("Enlace: Su enlace de inscripción en Enlace");
    expect(m.text).toContain("#/enroll/abc");
    await rm(dir, { recursive: true, force: true });
  });
});
