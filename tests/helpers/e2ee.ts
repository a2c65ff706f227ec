import { withTransaction } from "#server/db/pool.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { signInThroughControlPlane, type EnlaceSession } from "#shared/matrix/session.js";
import { firstRun } from "#shared/matrix/first-run.js";
import { waitForRoom, findRoomByKey } from "#shared/matrix/rooms.js";
import { CREDENTIAL_TYPE, credentialStateKey } from "#shared/credentials/credential.js";
import { actor, type TestPlane } from "./control-plane.js";
import type { RoleGrant } from "#server/domain/auth/principal.js";
import { insertEvent } from "#server/domain/events/repo.js";
import { EXAMPLES } from "#shared/content/examples.js";
import type { ExpertiseRequestContent } from "#shared/content/expertise-request.js";

export interface Member {
  session: EnlaceSession;
  cp: ControlPlaneClient;
  personId: string;
  recoveryKey: string;
  masterKey: string;
}

/** Waits until the reconciler has created every room of the registry (fresh planes start empty). */
export async function roomsReady(plane: TestPlane, count = 28, timeoutMs = 120_000) {
  const t0 = Date.now();
  while (Number((await plane.ctx.db.query("SELECT count(*) n FROM matrix_rooms")).rows[0].n) < count) {
    if (Date.now() - t0 > timeoutMs) throw new Error("rooms were not created in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Vetted people signed in at once, each in `rooms`, and each already seeing every other's published
 * credential, so a test's first message is judged with the registry's names and states.
 */
export async function acquaintedMembers(plane: TestPlane, rooms: string[], ...people: { roles: RoleGrant[]; state: string | null }[]): Promise<Member[]> {
  const members = await Promise.all(people.map((p) => member(plane, p.roles, p.state, rooms)));
  for (const m of members) await credentialsPublished(m.session, members);
  return members;
}

/** A vetted person signed in through the control plane, with a cross-signed E2EE device. */
export async function member(plane: TestPlane, roles: RoleGrant[], state: string | null, rooms: string[]): Promise<Member> {
  const a = await actor(plane, roles, state);
  const cp = new ControlPlaneClient(plane.url, a.token);
  const session = await signInThroughControlPlane(cp, { deviceName: "test" });
  for (const key of rooms) await waitForRoom(session.client, key, 60_000);
  const { recoveryKey, masterKey } = await firstRun(session, cp);
  return { session, cp, personId: a.id, recoveryKey, masterKey };
}

/** Waits until every listed member's published credential carries their master key (a person job; slow when the machine is loaded). */
export async function credentialsPublished(observer: EnlaceSession, members: Member[], timeoutMs = 120_000) {
  const t0 = Date.now();
  for (;;) {
    const space = findRoomByKey(observer.client, "space");
    const ok = members.every(
      (m) => space?.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(m.session.userId))?.getContent()?.credential?.masterKey === m.masterKey,
    );
    if (ok) return;
    if (Date.now() - t0 > timeoutMs) {
      // Say what the observer sees for each member: which part of the pipeline stalled.
      const seen = members.map((m) => {
        const c = space?.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(m.session.userId))?.getContent()?.credential;
        return `${m.session.userId}: ${!c ? "no credential" : `serial ${c.serial}, ${c.masterKey === m.masterKey ? "right" : c.masterKey ? "other" : "no"} master key`}`;
      });
      throw new Error(`credentials with master keys were not published in ${timeoutMs} ms; ${observer.userId} sees ${space ? seen.join("; ") : "no Space"}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The example expertise request, for a major event entered in the registry (requests must name a real one). */
export async function requestForRegisteredEvent(plane: TestPlane, createdBy: string): Promise<ExpertiseRequestContent> {
  const example = EXAMPLES["expertise.request"];
  const e = await withTransaction(plane.ctx, (tx) =>
    insertEvent(tx, {
      name: example.eventName,
      hostState: example.hostState,
      startsOn: example.startDate,
      endsOn: example.endDate,
      venueType: "multiple",
      supportingStates: [],
      createdBy,
    }),
  );
  return { ...example, eventId: e.id };
}
