// `npm run bench [-- --out FILE] [-- --only auth|registry|homeserver|e2ee|delivery|keyshare|notify|client|federation] [-- --notify-people N] [-- --away-messages N] [-- --federation-rounds N] [-- --federation-join N]`: every benchmark, as ratios against a floor
// measured in the same run (these machines are noisy), printed and optionally written as JSON.
import { writeFile } from "node:fs/promises";
import { startTestPostgres } from "../tests/helpers/postgres-server.js";
import { benchAuth } from "./auth.js";
import { benchRegistry } from "./registry.js";
import { benchHomeserver } from "./homeserver.js";
import { benchE2ee } from "./e2ee.js";
import { benchClient } from "./client.js";
import { benchKeyshare } from "./keyshare.js";
import { benchFederation } from "./federation.js";
import { benchRehydrate } from "./rehydrate.js";
import { benchDelivery } from "./delivery.js";
import { benchNotify } from "./notify.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = flag("out");
const only = flag("only");
const log = (s: string) => console.log(s);

const figures: Record<string, number> = {};
const pg = await startTestPostgres(process.env.TEST_DATABASE_URL);
try {
  const suites: Record<string, () => Promise<Record<string, number>>> = {
    auth: () => benchAuth(pg.adminUrl(), log),
    registry: () => benchRegistry(pg.adminUrl(), log),
    homeserver: () => benchHomeserver(pg.adminUrl(), log, Number(flag("people") ?? 1000)),
    e2ee: async () => ({
      ...(await benchE2ee(pg.adminUrl(), log, Number(flag("clients") ?? 200), flag("synapse-db") === "sqlite" ? "sqlite" : "postgres")),
      ...(await benchRehydrate(pg.adminUrl(), log, Number(flag("away-messages") ?? 100))),
    }),
    delivery: () => benchDelivery(pg.adminUrl(), log, Number(flag("churn-per-phase") ?? 4)),
    keyshare: () => benchKeyshare(pg.adminUrl(), log, Number(flag("keyshare-people") ?? 1000)),
    notify: () => benchNotify(pg.adminUrl(), log, Number(flag("notify-people") ?? 1000)),
    client: () => benchClient(pg.adminUrl(), log, Number(flag("client-people") ?? 3)),
    federation: () => benchFederation(pg.adminUrl(), log, Number(flag("federation-rounds") ?? 3), Number(flag("federation-join") ?? 200)),
  };
  for (const [name, run] of Object.entries(suites)) {
    if (only && only !== name) continue;
    Object.assign(figures, await run());
  }
} finally {
  await pg.stop();
}
console.log(JSON.stringify(figures, null, 2));
if (out) await writeFile(out, JSON.stringify({ at: new Date().toISOString(), figures }, null, 2) + "\n");
process.exit(0);
