import type { Queryable, Tx } from "../../db/pool.js";

// ---------- preferences and subscriptions

export interface PreferencesRow {
  push: boolean;
  email: boolean;
  quietHours: { start: string; end: string; timeZone: string } | null;
  language: "en" | "es" | "pt" | "fr";
}

/** A person's preferences; without a row, both channels on and the first official language of their state we speak. */
export async function getPreferences(db: Queryable, personId: string): Promise<PreferencesRow> {
  return (await preferencesOf(db, [personId])).get(personId) ?? { push: true, email: true, quietHours: null, language: "en" };
}

/** Preferences of many people in one query (a dispatcher's batch), as getPreferences for each. */
export async function preferencesOf(db: Queryable, personIds: readonly string[]): Promise<Map<string, PreferencesRow>> {
  const { rows } = await db.query(
    `SELECT p.id, np.push, np.email, np.quiet_start, np.quiet_end, np.quiet_tz, np.language,
            (SELECT l FROM unnest(ms.languages) l WHERE l IN ('en', 'es', 'pt', 'fr') LIMIT 1) AS state_language
       FROM people p LEFT JOIN notification_preferences np ON np.person_id = p.id LEFT JOIN member_states ms ON ms.code = p.member_state
      WHERE p.id = ANY($1::uuid[])`,
    [personIds],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      r.push === null
        ? { push: true, email: true, quietHours: null, language: r.state_language ?? "en" }
        : {
            push: r.push,
            email: r.email,
            quietHours: r.quiet_start ? { start: r.quiet_start, end: r.quiet_end, timeZone: r.quiet_tz } : null,
            language: r.language,
          },
    ]),
  );
}

export async function putPreferences(tx: Tx, personId: string, p: PreferencesRow) {
  await tx.query(
    `INSERT INTO notification_preferences (person_id, push, email, quiet_start, quiet_end, quiet_tz, language) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (person_id) DO UPDATE SET push = excluded.push, email = excluded.email, quiet_start = excluded.quiet_start,
       quiet_end = excluded.quiet_end, quiet_tz = excluded.quiet_tz, language = excluded.language, updated_at = now()`,
    [personId, p.push, p.email, p.quietHours?.start ?? null, p.quietHours?.end ?? null, p.quietHours?.timeZone ?? null, p.language],
  );
}

export interface SubscriptionRow {
  id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * One subscription per device: a device re-subscribing replaces its own, and an endpoint moves with
 * whoever holds it now. It belongs to the session that registered it last: that session's sign-out removes it.
 */
export async function putSubscription(tx: Tx, personId: string, deviceId: string, sessionId: string, s: { endpoint: string; p256dh: string; auth: string }) {
  await tx.query("DELETE FROM push_subscriptions WHERE endpoint = $1 AND NOT (person_id = $2 AND matrix_device_id = $3)", [s.endpoint, personId, deviceId]);
  await tx.query(
    `INSERT INTO push_subscriptions (person_id, matrix_device_id, session_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (person_id, matrix_device_id) DO UPDATE SET session_id = excluded.session_id, endpoint = excluded.endpoint, p256dh = excluded.p256dh,
       auth = excluded.auth, updated_at = now()`,
    [personId, deviceId, sessionId, s.endpoint, s.p256dh, s.auth],
  );
}

/** Sign-out: the subscriptions this session registered. Returns how many. */
export async function deleteSubscriptionsOfSession(tx: Tx, sessionId: string): Promise<number> {
  return (await tx.query("DELETE FROM push_subscriptions WHERE session_id = $1", [sessionId])).rowCount ?? 0;
}

export async function deleteSubscription(db: Queryable, personId: string, deviceId: string): Promise<number> {
  return (await db.query("DELETE FROM push_subscriptions WHERE person_id = $1 AND matrix_device_id = $2", [personId, deviceId])).rowCount ?? 0;
}

export async function deleteSubscriptionsOf(db: Queryable, personId: string) {
  await db.query("DELETE FROM push_subscriptions WHERE person_id = $1", [personId]);
}

/** The push service said the subscription is gone (404/410). */
export async function deleteSubscriptionById(db: Queryable, id: number) {
  await db.query("DELETE FROM push_subscriptions WHERE id = $1", [id]);
}

/** The subscriptions of many people in one query, per person. */
export async function subscriptionsOfMany(db: Queryable, personIds: readonly string[]): Promise<Map<string, SubscriptionRow[]>> {
  const out = new Map<string, SubscriptionRow[]>();
  const { rows } = await db.query("SELECT id, person_id, endpoint, p256dh, auth FROM push_subscriptions WHERE person_id = ANY($1::uuid[]) ORDER BY id", [
    personIds,
  ]);
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ id: Number(r.id), endpoint: r.endpoint, p256dh: r.p256dh, auth: r.auth });
    out.set(r.person_id, list);
  }
  return out;
}

// ---------- recipients

/** Active people holding one of `roles`, optionally only of a state and/or program. */
/** The program's advisories room, for the notification to open it (null before the reconciler made it). */
export async function advisoriesRoomId(db: Queryable, program: string): Promise<string | null> {
  return (await db.query("SELECT room_id FROM matrix_rooms WHERE key = $1 AND room_id IS NOT NULL", [`advisories:${program}`])).rows[0]?.room_id ?? null;
}

export async function peopleWithRole(db: Queryable, roles: string[], f: { memberState?: string; program?: string } = {}): Promise<string[]> {
  return (
    await db.query(
      `SELECT DISTINCT p.id FROM people p JOIN roles r ON r.person_id = p.id
        WHERE p.status = 'active' AND r.role = ANY($1) AND ($2::text IS NULL OR r.member_state = $2) AND ($3::text IS NULL OR r.program = $3)`,
      [roles, f.memberState ?? null, f.program ?? null],
    )
  ).rows.map((r) => r.id);
}

/** States with an active focal point or alternate in the program: the states expected to acknowledge its advisories. */
export async function statesOfProgram(db: Queryable, program: string): Promise<string[]> {
  return (
    await db.query(
      `SELECT DISTINCT r.member_state FROM roles r JOIN people p ON p.id = r.person_id
        WHERE p.status = 'active' AND r.program = $1 AND r.role IN ('focal_point', 'alternate') ORDER BY 1`,
      [program],
    )
  ).rows.map((r) => r.member_state);
}

/** Active people of a state whose vetting ends in (from, to]: re-vetting comes due (vetting.ts). */
export async function vettingEndingBetween(db: Queryable, from: Date, to: Date): Promise<{ id: string; memberState: string; vettedUntil: Date }[]> {
  return (
    await db.query(
      `SELECT id, member_state, vetted_until FROM people
        WHERE status = 'active' AND member_state IS NOT NULL AND vetted_until > $1 AND vetted_until <= $2 ORDER BY vetted_until`,
      [from, to],
    )
  ).rows.map((r) => ({ id: r.id, memberState: r.member_state, vettedUntil: r.vetted_until }));
}

export interface Recipient {
  id: string;
  email: string;
  status: string;
  matrixUserId: string | null;
}

export async function recipient(db: Queryable, personId: string): Promise<Recipient | null> {
  const r = (await db.query("SELECT id, email, status, matrix_user_id FROM people WHERE id = $1", [personId])).rows[0];
  return r ? { id: r.id, email: r.email, status: r.status, matrixUserId: r.matrix_user_id } : null;
}

/** Recipients of many rows in one query (a dispatcher's batch). */
export async function recipientsOf(db: Queryable, personIds: readonly string[]): Promise<Map<string, Recipient>> {
  const { rows } = await db.query("SELECT id, email, status, matrix_user_id FROM people WHERE id = ANY($1::uuid[])", [personIds]);
  return new Map(rows.map((r) => [r.id as string, { id: r.id, email: r.email, status: r.status, matrixUserId: r.matrix_user_id }]));
}

export async function activePeopleByMatrixId(db: Queryable, userIds: string[]): Promise<string[]> {
  return (await db.query("SELECT id FROM people WHERE status = 'active' AND matrix_user_id = ANY($1)", [userIds])).rows.map((r) => r.id);
}

export async function programNames(db: Queryable): Promise<Map<string, Record<string, string>>> {
  return new Map((await db.query("SELECT code, names FROM programs")).rows.map((r) => [r.code, r.names]));
}

// ---------- outbox

export interface OutboxInput {
  personId: string;
  dedupeKey: string;
  kind: string;
  params: Record<string, unknown>;
  urgent: boolean;
  dueAt: Date;
}

/** Serialises enqueues for one person (coalescing reads then writes). */
export async function lockPerson(tx: Tx, personId: string) {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('notify:' || $1))", [personId]);
}

/** The pending row of this kind and group for the person, to merge a burst into. */
export async function pendingOfGroup(tx: Tx, personId: string, kind: string, group: string): Promise<{ id: number } | null> {
  return (
    (
      await tx.query("SELECT id FROM notification_outbox WHERE person_id = $1 AND kind = $2 AND params->>'group' = $3 AND status = 'pending' LIMIT 1", [
        personId,
        kind,
        group,
      ])
    ).rows[0] ?? null
  );
}

export async function lastSentOfGroup(tx: Tx, personId: string, kind: string, group: string): Promise<Date | null> {
  return (
    (
      await tx.query("SELECT max(sent_at) AS at FROM notification_outbox WHERE person_id = $1 AND kind = $2 AND params->>'group' = $3 AND status = 'sent'", [
        personId,
        kind,
        group,
      ])
    ).rows[0]?.at ?? null
  );
}

/** Merges one more event into a pending row; its dedupe key is kept so that event is not queued twice either. */
/** An urgent event merged in makes the notification urgent (its parameters, such as the severity, win) and ends a quiet-hours hold. */
export async function coalesceInto(tx: Tx, id: number, urgent: boolean, now: Date, params: Record<string, unknown>) {
  await tx.query(
    `UPDATE notification_outbox SET coalesced = coalesced + 1, urgent = urgent OR $2,
            params = CASE WHEN $2 THEN params || $4::jsonb ELSE params END,
            due_at = CASE WHEN $2 AND deferred THEN $3 ELSE due_at END, deferred = deferred AND NOT $2 WHERE id = $1`,
    [id, urgent, now, JSON.stringify(params)],
  );
}

/** false when this person already had this subject (the dedupe key): never queued twice. */
export async function insertOutbox(tx: Tx, o: OutboxInput): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO notification_outbox (person_id, dedupe_key, kind, params, urgent, due_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ON CONSTRAINT notification_outbox_dedupe_key DO NOTHING`,
    [o.personId, o.dedupeKey, o.kind, JSON.stringify(o.params), o.urgent, o.dueAt],
  );
  return (r.rowCount ?? 0) > 0;
}

/** The key of an event merged into another row, kept so the same event is not queued again later. */
export async function recordMerged(tx: Tx, personId: string, dedupeKey: string, kind: string, group: string) {
  await tx.query(
    `INSERT INTO notification_outbox (person_id, dedupe_key, kind, params, due_at, status, last_error) VALUES ($1, $2, $3, $4, now(), 'cancelled', 'coalesced')
     ON CONFLICT ON CONSTRAINT notification_outbox_dedupe_key DO NOTHING`,
    [personId, dedupeKey, kind, JSON.stringify({ group })],
  );
}

/** The same notice for many people; returns how many were new (the others already had this subject). */
export async function insertOutboxMany(tx: Tx, personIds: string[], o: Omit<OutboxInput, "personId">): Promise<number> {
  if (personIds.length === 0) return 0;
  const r = await tx.query(
    `INSERT INTO notification_outbox (person_id, dedupe_key, kind, params, urgent, due_at) SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6
     ON CONFLICT ON CONSTRAINT notification_outbox_dedupe_key DO NOTHING`,
    [personIds, o.dedupeKey, o.kind, JSON.stringify(o.params), o.urgent, o.dueAt],
  );
  return r.rowCount ?? 0;
}

export async function hasDedupeKey(tx: Tx, personId: string, dedupeKey: string): Promise<boolean> {
  return (await tx.query("SELECT 1 FROM notification_outbox WHERE person_id = $1 AND dedupe_key = $2", [personId, dedupeKey])).rowCount! > 0;
}

export interface OutboxRow {
  id: number;
  personId: string;
  kind: string;
  params: Record<string, unknown>;
  urgent: boolean;
  coalesced: number;
  delivered: string[];
  attempts: number;
}

/** Due rows, each taken by one dispatcher (SKIP LOCKED) until its transaction ends. */
export async function claimDue(tx: Tx, now: Date, limit: number): Promise<OutboxRow[]> {
  return (
    await tx.query(
      `SELECT id, person_id, kind, params, urgent, coalesced, delivered, attempts FROM notification_outbox
        WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    )
  ).rows.map((r) => ({
    id: Number(r.id),
    personId: r.person_id,
    kind: r.kind,
    params: r.params,
    urgent: r.urgent,
    coalesced: r.coalesced,
    delivered: r.delivered,
    attempts: r.attempts,
  }));
}

/** Marks a batch sent in one statement, each with the channels it went through. */
export async function markSentMany(tx: Tx, now: Date, rows: readonly { id: number; delivered: string[] }[]) {
  if (rows.length === 0) return;
  // The sealed enrollment link is dropped once mailed: no secret stays in the outbox.
  await tx.query(
    `UPDATE notification_outbox o SET status = 'sent', sent_at = $2, delivered = ARRAY(SELECT jsonb_array_elements_text(d.delivered)), params = o.params - 'sealed'
       FROM jsonb_to_recordset($1::jsonb) AS d(id bigint, delivered jsonb) WHERE o.id = d.id`,
    [JSON.stringify(rows), now],
  );
}

export async function markCancelled(tx: Tx, id: number, why: string) {
  await tx.query("UPDATE notification_outbox SET status = 'cancelled', last_error = $2, params = params - 'sealed' WHERE id = $1", [id, why]);
}

export async function markRetry(tx: Tx, id: number, dueAt: Date, delivered: string[], error: string, failed: boolean) {
  await tx.query("UPDATE notification_outbox SET attempts = attempts + 1, due_at = $2, delivered = $3, last_error = $4, status = $5 WHERE id = $1", [
    id,
    dueAt,
    delivered,
    error.slice(0, 500),
    failed ? "failed" : "pending",
  ]);
}

export async function deferTo(tx: Tx, id: number, dueAt: Date) {
  await tx.query("UPDATE notification_outbox SET due_at = $2, deferred = true WHERE id = $1", [id, dueAt]);
}

// ---------- advisories: acknowledgement requirements, acknowledgements, reminders

export async function advisoryExists(db: Queryable, program: string, number: number): Promise<boolean> {
  return (await db.query("SELECT 1 FROM advisory_numbers WHERE program = $1 AND number = $2 AND digest IS NOT NULL", [program, number])).rowCount! > 0;
}

export async function setAckRequirement(tx: Tx, program: string, number: number, publishedAt: Date, deadline: Date, everyHours: number) {
  await tx.query(
    `INSERT INTO advisory_ack_requirements (program, number, published_at, ack_deadline, remind_every_hours) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (program, number) DO NOTHING`,
    [program, number, publishedAt, deadline, everyHours],
  );
}

export async function ackRequirement(
  db: Queryable,
  program: string,
  number: number,
): Promise<{ deadline: Date; everyHours: number; publishedAt: Date } | null> {
  const r = (
    await db.query("SELECT ack_deadline, remind_every_hours, published_at FROM advisory_ack_requirements WHERE program = $1 AND number = $2", [program, number])
  ).rows[0];
  return r ? { deadline: r.ack_deadline, everyHours: r.remind_every_hours, publishedAt: r.published_at } : null;
}

/** The first acknowledgement of a state counts; later ones change nothing. */
export async function insertAck(tx: Tx, program: string, number: number, state: string, personId: string, at: Date): Promise<Date> {
  await tx.query(
    `INSERT INTO advisory_acknowledgements (program, number, member_state, acknowledged_by, acknowledged_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [program, number, state, personId, at],
  );
  return (
    await tx.query("SELECT acknowledged_at FROM advisory_acknowledgements WHERE program = $1 AND number = $2 AND member_state = $3", [program, number, state])
  ).rows[0].acknowledged_at;
}

export async function acks(db: Queryable, program: string, number: number): Promise<Map<string, Date>> {
  return new Map(
    (await db.query("SELECT member_state, acknowledged_at FROM advisory_acknowledgements WHERE program = $1 AND number = $2", [program, number])).rows.map(
      (r) => [r.member_state, r.acknowledged_at],
    ),
  );
}

export async function cancelReminders(tx: Tx, program: string, number: number, state: string) {
  await tx.query("UPDATE advisory_reminders SET status = 'cancelled' WHERE program = $1 AND number = $2 AND member_state = $3 AND status = 'pending'", [
    program,
    number,
    state,
  ]);
}

export interface ReminderRow {
  id: number;
  program: string;
  number: number;
  memberState: string;
  kind: "scheduled" | "manual" | "deadline";
  audience: "focal-points" | "coordinator";
  dueAt: Date;
  status: "pending" | "sent" | "cancelled";
}
// biome-ignore lint/suspicious/noExplicitAny: a row as pg returns it, mapped here (CONVENTIONS: nothing above a repo sees a row)
const reminderRow = (r: Record<string, any>): ReminderRow => ({
  id: Number(r.id),
  program: r.program,
  number: r.number,
  memberState: r.member_state,
  kind: r.kind,
  audience: r.audience,
  dueAt: r.due_at,
  status: r.status,
});

export async function insertReminder(tx: Tx, r: Omit<ReminderRow, "id" | "status">): Promise<number> {
  return (
    await tx.query("INSERT INTO advisory_reminders (program, number, member_state, kind, audience, due_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", [
      r.program,
      r.number,
      r.memberState,
      r.kind,
      r.audience,
      r.dueAt,
    ])
  ).rows[0].id;
}

export async function claimDueReminders(tx: Tx, now: Date, limit: number): Promise<ReminderRow[]> {
  return (
    await tx.query("SELECT * FROM advisory_reminders WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED", [
      now,
      limit,
    ])
  ).rows.map(reminderRow);
}

export async function markReminder(tx: Tx, id: number, status: "sent" | "cancelled", now: Date) {
  await tx.query("UPDATE advisory_reminders SET status = $2, sent_at = CASE WHEN $2 = 'sent' THEN $3::timestamptz END WHERE id = $1", [id, status, now]);
}

export async function remindersOf(db: Queryable, program: string, number: number): Promise<ReminderRow[]> {
  return (await db.query("SELECT * FROM advisory_reminders WHERE program = $1 AND number = $2 ORDER BY due_at, id", [program, number])).rows.map(reminderRow);
}
