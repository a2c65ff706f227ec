import { generateSigningKeyPair } from "#shared/crypto/sign.js";
import { roomIds } from "#server/domain/rooms/repo.js";
import { actor, api, role, startTestPlane } from "../control-plane.js";
import { eventually } from "../matrix-wait.js";
import { startTestFederation, type MatrixUser, type Role } from "./network.js";

export type GovernedFederation = Awaited<ReturnType<typeof startGovernedFederation>>;
type AclContent = { allow?: string[] };

/**
 * The federation test network with the control plane in charge: the Secretariat's homeserver linked
 * (registry bot, reconciler), Chile's and Jamaica's registered for CL and JM with their client URLs
 * and accepting the control plane's public-key sign-in grants.
 */
export async function startGovernedFederation(o: { roles?: Role[]; pgAdminUrl?: string } = {}) {
  const matrixLogin = await generateSigningKeyPair();
  const net = await startTestFederation({ roles: o.roles ?? ["secretariat", "chile", "jamaica"], loginPublicKey: matrixLogin.publicKey });
  const plane = await startTestPlane({ synapse: net.secretariat, matrixLoginKey: matrixLogin, pgAdminUrl: o.pgAdminUrl }).catch(async (e) => {
    await net.close();
    throw e;
  });
  const admin = (await actor(plane, [role.admin()], null)).token;
  const bot = plane.link!.admin; // the registry bot as the control plane signed it in
  const homeserverIds: Partial<Record<Role, string>> = {};
  const register = async (r: "chile" | "jamaica", memberState: string) => {
    const res = await api(plane, "POST", "/api/homeservers", { token: admin, body: { serverName: net.names[r], memberState, clientUrl: net[r].url } });
    if (res.status !== 201) throw new Error(`registering ${r}: ${res.status} ${JSON.stringify(res.body)}`);
    homeserverIds[r] = res.body.id;
  };
  /** Every managed room, as the registry records them (key → room ID). */
  const rooms = () => roomIds(plane.ctx.db);
  /** A room's server ACL as the Secretariat's homeserver holds it (null when unreadable). */
  const aclAt = async (roomId: string) => {
    try {
      return ((await bot.stateContent(roomId, "m.room.server_acl", "")) as AclContent | null)?.allow ?? null;
    } catch {
      return null;
    }
  };
  /** The same, as a member's own homeserver holds it. */
  const aclOf = async (member: MatrixUser, roomId: string) =>
    member.call<AclContent>("GET", `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/m.room.server_acl/`).then(
      (c) => c.allow ?? null,
      () => null,
    );
  return {
    net,
    plane,
    admin,
    bot,
    homeserverIds,
    register,
    rooms,
    aclAt,
    aclOf,
    /** Sets a registered homeserver's status through the API, as an administrator does. */
    async setHomeserverStatus(r: "chile" | "jamaica", status: "active" | "suspended") {
      const res = await api(plane, "PATCH", `/api/homeservers/${homeserverIds[r]}`, { token: admin, body: { status } });
      if (res.status !== 200) throw new Error(`status of ${r}: ${res.status} ${JSON.stringify(res.body)}`);
    },
    /**
     * De-registration (suspension) of `r`'s homeserver until every managed room's ACL on the
     * Secretariat's homeserver leaves it out, and so do the rooms `also` holds (read by a member of
     * them on another homeserver: Chile's copy of the room must drop Jamaica's events too): ms.
     */
    async deregisterCutoffMs(r: "chile" | "jamaica", also: Array<{ member: MatrixUser; roomIds: string[] }> = []) {
      const all = [...(await rooms()).values()];
      const t0 = performance.now();
      await this.setHomeserverStatus(r, "suspended");
      const gone = (allow: string[] | null) => allow !== null && !allow.includes(net.names[r]);
      await eventually(
        async () => {
          const here = await Promise.all(all.map((id) => aclAt(id)));
          const there = await Promise.all(also.flatMap((a) => a.roomIds.map((id) => aclOf(a.member, id))));
          return [...here, ...there].every(gone);
        },
        (ok) => ok,
        60_000,
        50,
      );
      return Math.round(performance.now() - t0);
    },
    async close() {
      await plane.close();
      await net.close();
    },
  };
}
