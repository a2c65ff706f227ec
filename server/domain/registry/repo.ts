import type { QueryResultRow } from "pg";
import type { Queryable, Tx } from "../../db/pool.js";
import type { RoleGrant } from "../auth/principal.js";
import type { VettingStatus } from "#shared/api/common.js";

export interface PersonRow {
  id: string;
  email: string;
  fullName: string;
  memberState: string | null;
  matrixUserId: string | null;
  status: VettingStatus;
  vettedUntil: string | null;
  revettingDue: boolean;
  nominatedBy: string | null;
  approvedBy: string | null;
  roles: RoleGrant[];
  createdAt: string;
}

const PERSON_COLUMNS = `p.id, p.email, p.full_name, p.member_state, p.matrix_user_id, p.status, p.vetted_until,
  p.revetting_due, p.nominated_by, p.approved_by, p.created_at,
  coalesce((SELECT json_agg(json_build_object('role', r.role, 'memberState', r.member_state, 'program', r.program) ORDER BY r.id)
            FROM roles r WHERE r.person_id = p.id), '[]') AS roles`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toPerson = (r: QueryResultRow): PersonRow => ({
  id: r.id,
  email: r.email,
  fullName: r.full_name,
  memberState: r.member_state,
  matrixUserId: r.matrix_user_id,
  status: r.status,
  vettedUntil: iso(r.vetted_until),
  revettingDue: r.revetting_due,
  nominatedBy: r.nominated_by,
  approvedBy: r.approved_by,
  roles: r.roles as RoleGrant[],
  createdAt: iso(r.created_at)!,
});

export async function getPerson(db: Queryable, id: string, forUpdate = false): Promise<PersonRow | null> {
  const lock = forUpdate ? "FOR UPDATE OF p" : "";
  const { rows } = await db.query(`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.id = $1 ${lock}`, [id]);
  return rows[0] ? toPerson(rows[0]) : null;
}

export interface PeopleFilter {
  memberState?: string;
  program?: string;
  status?: VettingStatus;
  limit: number;
  offset: number;
  // Object-level scope: when set, only people of these states / programs are visible.
  scopeStates?: string[];
  scopePrograms?: string[];
}

export async function listPeople(db: Queryable, f: PeopleFilter): Promise<PersonRow[]> {
  const { rows } = await db.query(
    `SELECT ${PERSON_COLUMNS} FROM people p
      WHERE ($1::text IS NULL OR p.member_state = $1)
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM roles r WHERE r.person_id = p.id AND r.program = $2))
        AND ($3::vetting_status IS NULL OR p.status = $3)
        AND ($4::text[] IS NULL OR p.member_state = ANY($4))
        AND ($5::text[] IS NULL OR EXISTS (SELECT 1 FROM roles r WHERE r.person_id = p.id AND r.program = ANY($5)))
      ORDER BY p.created_at, p.id LIMIT $6 OFFSET $7`,
    [f.memberState ?? null, f.program ?? null, f.status ?? null, f.scopeStates ?? null, f.scopePrograms ?? null, f.limit, f.offset],
  );
  return rows.map(toPerson);
}

export async function findPersonIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const { rows } = await db.query("SELECT id FROM people WHERE lower(email) = lower($1)", [email]);
  return rows[0]?.id ?? null;
}

export async function insertPerson(
  tx: Tx,
  p: { email: string; fullName: string; memberState: string | null; matrixUserId: string | null; nominatedBy: string | null; status?: VettingStatus },
) {
  tx.changed("people");
  const { rows } = await tx.query(
    `INSERT INTO people (email, full_name, member_state, matrix_user_id, nominated_by, status)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.email, p.fullName, p.memberState, p.matrixUserId, p.nominatedBy, p.status ?? "nominated"],
  );
  return rows[0].id as string;
}

export async function insertRoles(tx: Tx, personId: string, roles: RoleGrant[]) {
  tx.changed("roles");
  for (const r of roles) {
    await tx.query("INSERT INTO roles (person_id, role, member_state, program) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", [
      personId,
      r.role,
      r.memberState,
      r.program,
    ]);
  }
}

export async function setStatus(
  tx: Tx,
  personId: string,
  to: VettingStatus,
  extra: { vettedUntil?: Date | null; approvedBy?: string; revettingDue?: boolean } = {},
) {
  tx.changed("people");
  await tx.query(
    `UPDATE people SET status = $2, updated_at = now(), credential_version = credential_version + 1,
       vetted_until = CASE WHEN $3::boolean THEN $4::timestamptz ELSE vetted_until END,
       approved_by = coalesce($5, approved_by),
       revetting_due = coalesce($6, revetting_due)
     WHERE id = $1`,
    [personId, to, extra.vettedUntil !== undefined, extra.vettedUntil ?? null, extra.approvedBy ?? null, extra.revettingDue ?? null],
  );
}

export async function recordTransition(
  db: Queryable,
  t: { personId: string; from: VettingStatus | null; to: VettingStatus; actorId: string | null; reason: string },
) {
  await db.query("INSERT INTO vetting_transitions (person_id, from_status, to_status, actor_id, reason) VALUES ($1, $2, $3, $4, $5)", [
    t.personId,
    t.from,
    t.to,
    t.actorId,
    t.reason,
  ]);
}

export async function listTransitions(db: Queryable, personId: string) {
  const { rows } = await db.query("SELECT from_status, to_status, actor_id, reason, at FROM vetting_transitions WHERE person_id = $1 ORDER BY id", [personId]);
  return rows.map((r) => ({ fromStatus: r.from_status, toStatus: r.to_status, actorId: r.actor_id, reason: r.reason, at: iso(r.at)! }));
}

/** For the nomination queue: who nominated each person (their name) and the note they gave. */
export async function nominationNotes(db: Queryable, personIds: string[]): Promise<Map<string, { nominatorName: string | null; note: string | null }>> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (t.person_id) t.person_id, n.full_name AS nominator_name, t.reason
       FROM vetting_transitions t LEFT JOIN people n ON n.id = t.actor_id
      WHERE t.person_id = ANY($1::uuid[]) AND t.to_status = 'nominated'
      ORDER BY t.person_id, t.id DESC`,
    [personIds],
  );
  // "nominated" is what nominate() records when no note was given.
  return new Map(rows.map((r) => [r.person_id, { nominatorName: r.nominator_name ?? null, note: r.reason && r.reason !== "nominated" ? r.reason : null }]));
}

/** Active people whose vetting ran out, locked for the expiry sweep. */
export async function lockExpired(db: Queryable, now: Date, limit = 500): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT id FROM people WHERE status = 'active' AND vetted_until IS NOT NULL AND vetted_until <= $1
      ORDER BY vetted_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => r.id);
}

export async function setExpertise(tx: Tx, personId: string, areas: string[], languages: string[]) {
  tx.changed("people");
  await tx.query("UPDATE people SET expertise_areas = $2, languages = $3, updated_at = now() WHERE id = $1", [personId, areas, languages]);
}

export interface DirectoryQuery {
  q?: string;
  area?: string;
  language?: string;
  memberState?: string;
  program?: string;
  limit: number;
}
export interface DirectoryEntry {
  id: string;
  fullName: string;
  memberState: string | null;
  matrixUserId: string | null;
  programs: string[];
  areas: string[];
  languages: string[];
}

export async function searchDirectory(db: Queryable, q: DirectoryQuery): Promise<DirectoryEntry[]> {
  const { rows } = await db.query(
    `SELECT p.id, p.full_name, p.member_state, p.matrix_user_id, p.expertise_areas, p.languages,
            coalesce(array(SELECT DISTINCT r.program FROM roles r WHERE r.person_id = p.id AND r.program IS NOT NULL), '{}') AS programs
       FROM people p
      WHERE p.status = 'active'
        AND ($1::text IS NULL OR p.search @@ plainto_tsquery('simple', $1))
        AND ($2::text IS NULL OR p.expertise_areas @> ARRAY[$2::text])
        AND ($3::text IS NULL OR p.languages @> ARRAY[$3::text])
        AND ($4::text IS NULL OR p.member_state = $4)
        AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM roles r WHERE r.person_id = p.id AND r.program = $5))
      ORDER BY p.full_name, p.id LIMIT $6`,
    [q.q ?? null, q.area ?? null, q.language ?? null, q.memberState ?? null, q.program ?? null, q.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    memberState: r.member_state,
    matrixUserId: r.matrix_user_id,
    programs: r.programs,
    areas: r.expertise_areas,
    languages: r.languages,
  }));
}

// Reference data (migrations/003_seed_reference.sql): the member states and the programs.
export async function listMemberStates(db: Queryable): Promise<{ code: string; name: string; languages: string[] }[]> {
  return (await db.query("SELECT code, name, languages FROM member_states ORDER BY name")).rows;
}

/**
 * The programs, each with its participating member states: those with a focal point or alternate of
 * the program whom the Secretariat vetted and has not revoked (approved, active or suspended). A state
 * whose only nomination is still pending, or was rejected, does not participate yet. Decision (issue
 * 11): the seeds name no per-program list of states, so participation follows the designations.
 */
export async function listPrograms(db: Queryable): Promise<{ code: string; names: Record<string, string>; participatingStates: string[] }[]> {
  return (
    await db.query(
      `SELECT g.code, g.names,
              coalesce(array_agg(DISTINCT r.member_state ORDER BY r.member_state) FILTER (WHERE r.member_state IS NOT NULL), '{}') AS participating
         FROM programs g
         LEFT JOIN roles r ON r.program = g.code AND r.role IN ('focal_point', 'alternate')
              AND EXISTS (SELECT 1 FROM people p WHERE p.id = r.person_id AND p.status IN ('approved', 'active', 'suspended'))
        GROUP BY g.code, g.names ORDER BY g.code`,
    )
  ).rows.map((r) => ({ code: r.code, names: r.names, participatingStates: r.participating.map((c: string) => c.trim()) }));
}

/** How many of `codes` (distinct) are member states. */
export async function countMemberStates(db: Queryable, codes: string[]): Promise<number> {
  return (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM member_states WHERE code = ANY($1::text[])", [codes])).rows[0].n;
}
