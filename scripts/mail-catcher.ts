import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

/**
 * `npm start`'s mail catcher: a real SMTP server (the `smtp-server` package) on loopback that
 * writes every mail it receives as an .eml file under `dir`, so a newcomer sees the enrollment
 * mail of a person they approved arrive. Nothing leaves the machine.
 */
export async function startMailCatcher(dir: string) {
  await mkdir(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.replace(/[^A-Za-z0-9@._-]/g, "_")).join(",");
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${++n}-${to}.eml`);
        writeFile(file, Buffer.concat(chunks)).then(
          () => cb(),
          (err) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, dir, close: () => new Promise<void>((r) => server.close(() => r())) };
}
