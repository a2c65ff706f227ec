import http from "node:http";
import { startTestPlane, actor, api, role } from "../tests/helpers/control-plane.js";
import { load } from "./lib/http-load.js";
import { summarize, round } from "./lib/stats.js";
import type { AuditWriter } from "#server/domain/context.js";

const AREAS = [
  "stadium security",
  "crowd management",
  "counter-drone",
  "cbrn",
  "cyber incident response",
  "port security",
  "aviation screening",
  "tourist site protection",
  "intelligence analysis",
  "emergency medicine",
  "cricket venues",
  "major events",
  "border control",
  "explosives detection",
  "vip protection",
];
const SURNAMES = [
  "garcia",
  "smith",
  "silva",
  "martinez",
  "brown",
  "santos",
  "lopez",
  "campbell",
  "pereira",
  "gonzalez",
  "williams",
  "rodriguez",
  "charles",
  "joseph",
  "fernandez",
];

/** 10,000 active people with roles and expertise, inserted in bulk. */
async function seedPeople(db: import("pg").Pool, n: number) {
  await db.query(
    `
    WITH s AS (SELECT g, (SELECT array_agg(code ORDER BY code) FROM member_states) AS states,
                         (SELECT array_agg(code ORDER BY code) FROM programs) AS progs FROM generate_series(1, $1) g),
    ins AS (
      INSERT INTO people (email, full_name, member_state, status, vetted_until, expertise_areas, languages)
      SELECT 'bench' || g || '@example.org',
             'Person ' || g || ' ' || ($2::text[])[1 + g % array_length($2::text[], 1)],
             states[1 + g % 35], 'active', now() + interval '1 year',
             ARRAY[($3::text[])[1 + g % 15], ($3::text[])[1 + (g * 7) % 15]],
             CASE WHEN g % 3 = 0 THEN ARRAY['en','es'] WHEN g % 3 = 1 THEN ARRAY['pt'] ELSE ARRAY['fr','en'] END
        FROM s RETURNING id, member_state, (substring(email from 6 for 6))::text AS tag)
    INSERT INTO roles (person_id, role, member_state, program)
    SELECT ins.id, 'focal_point', ins.member_state, (SELECT code FROM programs ORDER BY code OFFSET (abs(hashtext(ins.id::text)) % 13) LIMIT 1) FROM ins`,
    [n, SURNAMES, AREAS],
  );
  await db.query("ANALYZE people; ANALYZE roles");
}

export async function benchRegistry(pgAdminUrl: string, log: (s: string) => void) {
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false });
  try {
    log("registry: seeding 10,000 people…");
    await seedPeople(plane.ctx.db, 10_000);
    const me = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const port = Number(new URL(plane.url).port);
    const queries = [
      ...SURNAMES.map((s) => `/api/directory?q=${s}`),
      ...AREAS.map((a) => `/api/directory?area=${encodeURIComponent(a)}`),
      ...AREAS.slice(0, 10).map((a, i) => `/api/directory?area=${encodeURIComponent(a)}&language=${["en", "es", "pt", "fr"][i % 4]}`),
      ...["CL", "JM", "BR", "US", "MX"].map((s) => `/api/directory?memberState=${s}&program=tourism`),
    ];
    // The floor answers the very same bytes from memory on a bare node:http server.
    const answers = new Map<string, string>();
    for (const q of queries) {
      const r = await api(plane, "GET", q, { token: me.token });
      if (r.status !== 200 || !Array.isArray(r.body)) throw new Error(`directory query failed: ${q} ${r.status}`);
      answers.set(q, JSON.stringify(r.body));
    }
    const floor = http.createServer((req, res) => {
      const body = answers.get(req.url ?? "");
      res.writeHead(body ? 200 : 404, { "content-type": "application/json; charset=utf-8" }).end(body ?? "{}");
    });
    await new Promise<void>((r) => floor.listen(0, "127.0.0.1", r));
    const floorPort = (floor.address() as { port: number }).port;

    let i = 0;
    const headers = { authorization: `Bearer ${me.token}` };
    const enlace = { url: `http://127.0.0.1:${port}`, paths: queries, headers };
    const bare = { url: `http://127.0.0.1:${floorPort}`, paths: queries, headers };

    await load({ ...enlace, connections: 8, durationS: 1 }); // warm-up
    await load({ ...bare, connections: 8, durationS: 1 });
    const sat = (await load({ ...enlace, connections: 16, durationS: 5 })).rps;
    const satFloor = (await load({ ...bare, connections: 16, durationS: 5 })).rps;
    const lat = await load({ ...enlace, connections: 16, durationS: 5, rate: Math.round(sat / 2) });
    const latFloor = await load({ ...bare, connections: 16, durationS: 5, rate: Math.round(satFloor / 2) });
    floor.close();
    log(
      `registry: directory search saturation ${round(sat, 0)} req/s vs floor ${round(satFloor, 0)} req/s; at half load p50 ${lat.p50} ms p99 ${lat.p99} ms (floor p50 ${latFloor.p50} ms p99 ${latFloor.p99} ms)`,
    );

    // The audit append's cost on a write endpoint: the same PUT with the real writer and with a no-op.
    const real = plane.ctx.audit;
    const noop: AuditWriter = { append: async () => 0 };
    const put = async () => {
      const t = performance.now();
      const r = await api(plane, "PUT", "/api/me/expertise", { token: me.token, body: { areas: ["stadium security", `x${i++}`], languages: ["es"] } });
      if (r.status !== 200) throw new Error(`PUT /me/expertise ${r.status}`);
      return performance.now() - t;
    };
    const withAudit: number[] = [],
      without: number[] = [];
    for (let k = 0; k < 50; k++) await put();
    for (let round_ = 0; round_ < 6; round_++) {
      plane.ctx.audit = real;
      for (let k = 0; k < 150; k++) withAudit.push(await put());
      plane.ctx.audit = noop;
      for (let k = 0; k < 150; k++) without.push(await put());
    }
    plane.ctx.audit = real;
    const a = summarize(withAudit),
      b = summarize(without);
    log(`registry: write p50 with audit ${round(a.p50)} ms, without ${round(b.p50)} ms`);
    return {
      registry_search_throughput_ratio: round(sat / satFloor),
      registry_search_p99_ms: lat.p99,
      registry_search_rps: round(sat, 0),
      registry_search_floor_rps: round(satFloor, 0),
      registry_search_floor_p99_ms: latFloor.p99,
      registry_search_p50_ms: lat.p50,
      audit_append_p50_overhead: round(a.p50 / b.p50 - 1),
      write_p50_ms_with_audit: round(a.p50),
      write_p50_ms_without_audit: round(b.p50),
    };
  } finally {
    await plane.close();
  }
}
