import { execFile } from "node:child_process";
import { chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A throwaway CA and a certificate per server name (IP literal or host name) in `dir`, for
 * homeservers federating over TLS on one machine: the federation tests and `npm start`'s member
 * state. Uses the Synapse virtualenv's Python (`cryptography` comes with Synapse). Returns the paths
 * each homeserver's federation options need.
 */
export async function mintFederationCertificates(python: string, dir: string, names: string[]) {
  // Only the leaf closed: a recursive mkdir's mode would close every parent it creates too (the data
  // directory must stay passable for the embedded PostgreSQL's own user).
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o700);
  await run(python, [join(import.meta.dirname, "federation-ca.py"), dir, ...names]);
  return {
    caPath: join(dir, "ca.crt"),
    certificateOf: (name: string) => ({ tlsCertificatePath: join(dir, `${name}.crt`), tlsPrivateKeyPath: join(dir, `${name}.key`) }),
  };
}
