import { actor, role } from "../tests/helpers/control-plane.js";
import { startGovernedFederation } from "../tests/helpers/federation/governed.js";
import { eventually } from "../tests/helpers/matrix-wait.js";
import { federatedAlert } from "./federation-alert.js";
import { federatedJoin, federatedRevocations } from "./federation-members.js";
import { round, summarize } from "./lib/stats.js";

const PROGRAM = "cybersecurity";

/**
 * Federation, on the three-server test network (TLS, loopback):
 * - how long de-registering a member state's homeserver takes to cut it off from every managed room
 *   (the ACL of every room at the Secretariat's homeserver, and the copies Chile's holds, without
 *   Jamaica), re-registered between rounds;
 * - a remote person's revocation until they are out of all their rooms;
 * - an alert from a focal point on Chile's homeserver, send → decrypted at a Secretariat officer,
 *   beside the same from a focal point on the Secretariat's (the ratio is the figure: same run, same load);
 * - `joinPeople` people on Jamaica's homeserver brought into one room.
 */
export async function benchFederation(pgAdminUrl: string, log: (s: string) => void, rounds = 3, joinPeople = 200) {
  const g = await startGovernedFederation({ pgAdminUrl });
  const figures: Record<string, number> = {};
  try {
    const [pedro, marcia] = await Promise.all([g.net.chile.user("pedro"), g.net.jamaica.user("marcia")]);
    await actor(g.plane, [role.focal("CL", PROGRAM)], "CL", { matrixUserId: pedro.userId });
    await actor(g.plane, [role.focal("JM", PROGRAM)], "JM", { matrixUserId: marcia.userId });
    await g.register("chile", "CL");
    await g.register("jamaica", "JM");
    const { value: ids } = await eventually(
      () => g.rooms(),
      (m) => m.has(`network:${PROGRAM}`) && m.has("advisories:all") && m.has("network:tourism"),
      300_000,
      250,
    );
    const watched = [ids.get(`network:${PROGRAM}`)!, ids.get("advisories:all")!];
    for (const id of watched) {
      // The room admits Chile's server (its ACL follows the registration) before Pedro can join.
      await eventually(
        () => g.aclAt(id),
        (allow) => !!allow?.includes(g.net.names.chile) && allow.includes(g.net.names.jamaica),
        300_000,
        250,
      );
      await eventually(
        () => pedro.join(id, g.net.names.secretariat),
        () => true,
        300_000,
        500,
      );
    }
    const cutoffs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // Back in every room first, so each round starts from Jamaica allowed everywhere.
      await eventually(
        () => g.aclAt(watched[0]),
        (allow) => !!allow?.includes(g.net.names.jamaica),
        120_000,
        100,
      );
      cutoffs.push(await g.deregisterCutoffMs("jamaica", [{ member: pedro, roomIds: watched }]));
      await g.setHomeserverStatus("jamaica", "active");
    }
    const rooms = (await g.rooms()).size;
    const s = summarize(cutoffs);
    log(`federation: de-registration cut-off (${rooms} rooms, 3 homeservers) p50 ${s.p50} ms, max ${Math.max(...cutoffs)} ms (${cutoffs.join(", ")})`);
    Object.assign(figures, { deregister_cutoff_ms: s.p50, deregister_cutoff_max_ms: Math.max(...cutoffs) });

    const revoked = await federatedRevocations(g, PROGRAM, Math.max(5, rounds * 2));
    const r = summarize(revoked.times);
    log(
      `federation: a remote person out of all 4 of their rooms after revocation p50 ${r.p50} ms, p99 ${r.p99} ms (${revoked.times.join(", ")}; ` +
        `banned at the Secretariat's after ${revoked.atSecretariat.join(", ")} ms)`,
    );
    Object.assign(figures, { federated_revocation_p50_ms: r.p50, federated_revocation_p99_ms: r.p99 });

    const alert = await federatedAlert(g, "tourism", Math.max(30, rounds * 10));
    log(
      `federation: alert send → decrypted at the Secretariat, from Chile's homeserver p50 ${round(alert.federated.p50, 0)} ms p99 ${round(alert.federated.p99, 0)} ms; ` +
        `within the Secretariat's p50 ${round(alert.local.p50, 0)} ms p99 ${round(alert.local.p99, 0)} ms (${alert.federated.n} each)`,
    );
    Object.assign(figures, {
      federated_alert_p99_ms: round(alert.federated.p99, 1),
      local_alert_p99_ms: round(alert.local.p99, 1),
      federated_alert_p99_ratio_vs_local: round(alert.federated.p99 / alert.local.p99),
      federated_alert_p50_ratio_vs_local: round(alert.federated.p50 / alert.local.p50),
    });

    const joinS = await federatedJoin(g, "crowded-spaces", joinPeople, log);
    log(`federation: ${joinPeople} people on Jamaica's homeserver brought into one room in ${round(joinS, 1)} s`);
    figures[`federated_join_${joinPeople}_s`] = round(joinS, 1);
    return figures;
  } finally {
    await g.close();
  }
}
