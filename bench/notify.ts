import https from "node:https";
import nodemailer from "nodemailer";
import { actor, api, role, startTestPlane } from "../tests/helpers/control-plane.js";
import { startMailSink, startPushService } from "../tests/integration/notifications/sinks.js";
import { createChannels } from "#server/domain/notifications/channels.js";
import { startNotifier } from "#server/jobs/notifications.js";
import { inBatches } from "./lib/matrix.js";
import { round, summarize } from "./lib/stats.js";

/**
 * Issue 10's figures: from countersigning an advisory to the last of N focal points' push
 * subscriptions receiving its (decrypted) push at a local push service, and the same by mail to a
 * real SMTP server. Delivery goes through the notifier as production runs it, woken by the
 * countersign's commit (its tick is set far beyond the run, so the tick never does the work).
 * Floors, same run, same servers: N plain HTTPS POSTs through the same agent, and N mails sent
 * straight through nodemailer's pool.
 */
const TICK_MS = 10 * 60_000;

/** Polls until `ok`; a stalled delivery ends the benchmark with an error instead of hanging it. */
async function until(what: string, ok: () => boolean, timeoutMs = 300_000) {
  const t0 = performance.now();
  while (!ok()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`notify: ${what} not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function benchNotify(pgAdminUrl: string, log: (s: string) => void, n = 1000): Promise<Record<string, number>> {
  const push = await startPushService();
  const mail = await startMailSink();
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false });
  try {
    const officer = await actor(plane, [role.officer("tourism")], null);
    const subs = Array.from({ length: n }, () => push.subscribe());
    // N active focal points of the program, each with one subscribed device, in bulk.
    const ids = (
      await plane.ctx.db.query(
        `INSERT INTO people (email, full_name, member_state, status, vetted_until)
         SELECT 'notify' || g || '@example.org', 'Person ' || g, 'CL', 'active', now() + interval '1 year' FROM generate_series(1, $1) g RETURNING id`,
        [n],
      )
    ).rows.map((r) => r.id as string);
    await plane.ctx.db.query(`INSERT INTO roles (person_id, role, member_state, program) SELECT unnest($1::uuid[]), 'focal_point', 'CL', 'tourism'`, [ids]);
    await plane.ctx.db.query(
      `INSERT INTO push_subscriptions (person_id, matrix_device_id, endpoint, p256dh, auth)
       SELECT unnest($1::uuid[]), 'BENCH', unnest($2::text[]), unnest($3::text[]), unnest($4::text[])`,
      [ids, subs.map((s) => s.json.endpoint), subs.map((s) => s.json.keys.p256dh), subs.map((s) => s.json.keys.auth)],
    );
    const publish = async () => {
      const r = await api(plane, "POST", "/api/advisories/numbers", { token: officer.token, body: { programCode: "tourism" } });
      const t0 = performance.now();
      await api(plane, "POST", "/api/advisories/countersign", {
        token: officer.token,
        body: { programCode: "tourism", number: r.body.number, digest: "B".repeat(43) },
      });
      return t0;
    };

    // Push only (mail off for this part).
    const pushOnly = createChannels({ vapid: plane.ctx.keys.vapid, subject: "mailto:bench@example.org", from: "x@example.org", pushAgent: push.agent });
    const pushNotifier = startNotifier(plane.ctx, pushOnly, TICK_MS);
    const t0 = await publish();
    const queuedMs = performance.now() - t0;
    await until(`${n} pushes`, () => push.received.length >= n);
    await pushNotifier.stop(); // closes its channels
    const lat = summarize(push.received.map((r) => r.at - t0));
    if (lat.n !== n) throw new Error(`${lat.n} pushes arrived for ${n} subscriptions`);
    const f0 = performance.now();
    const body = JSON.stringify({ kind: "advisory.published", title: "Advisory Tourism #1", body: "x".repeat(60), url: "#/", tag: "t", urgent: false });
    await inBatches(
      Array.from({ length: n }, (_, i) => i),
      64,
      () =>
        new Promise<void>((resolve, reject) => {
          const req = https.request(push.floorUrl, { method: "POST", agent: push.agent, headers: { "content-type": "application/octet-stream" } }, (res) => {
            res.resume();
            res.on("end", () => resolve());
          });
          req.on("error", reject);
          req.end(body);
        }),
    );
    const floorMs = performance.now() - f0;
    log(
      `notify: ${n} pushes, p50 ${round(lat.p50, 0)} ms, p99 ${round(lat.p99, 0)} ms, last ${round(lat.max, 0)} ms (queued after ${round(queuedMs, 0)} ms); floor (${n} plain HTTPS POSTs) ${round(floorMs, 0)} ms`,
    );

    // Mail only.
    await plane.ctx.db.query("DELETE FROM push_subscriptions");
    const mailOnly = createChannels({
      vapid: plane.ctx.keys.vapid,
      subject: "mailto:bench@example.org",
      smtpUrl: mail.url,
      from: "Enlace <enlace@example.org>",
    });
    const mailNotifier = startNotifier(plane.ctx, mailOnly, TICK_MS);
    const m0 = performance.now();
    await publish();
    await until(`${n} mails`, () => mail.mails.length >= n);
    const mailS = (performance.now() - m0) / 1000;
    await mailNotifier.stop();
    const floorMail = nodemailer.createTransport(`${mail.url}?pool=true&maxConnections=5`);
    const fm0 = performance.now();
    await inBatches(
      Array.from({ length: n }, (_, i) => i),
      64,
      (i) => floorMail.sendMail({ from: "x@example.org", to: `notify${i}@example.org`, subject: "Enlace: Advisory Tourism #1", text: "x".repeat(80) }),
    );
    while (mail.mails.length < 2 * n) await new Promise((r) => setTimeout(r, 20));
    const floorMailS = (performance.now() - fm0) / 1000;
    floorMail.close();
    log(`notify: ${n} mails in ${round(mailS, 2)} s; floor (${n} mails straight through nodemailer) ${round(floorMailS, 2)} s`);
    return {
      [`notify_advisory_${n}_p99_ms`]: round(lat.p99, 0),
      // The issue's own wording: publishing to the last subscription receiving its push.
      [`notify_advisory_${n}_last_ms`]: round(lat.max, 0),
      [`notify_advisory_${n}_p99_ratio`]: round(lat.p99 / floorMs),
      [`notify_mail_${n}_s`]: round(mailS, 2),
      [`notify_mail_${n}_ratio`]: round(mailS / floorMailS),
    };
  } finally {
    await plane.close();
    await push.close();
    await mail.close();
  }
}
