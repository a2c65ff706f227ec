import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, cp } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import dockerignoreModule from "@balena/dockerignore";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import pg from "pg";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InterpolationError, loadCompose, parseDotEnv, substitute } from "../../helpers/compose.js";
import { CADDY, requireCaddy } from "../../helpers/caddy.js";
import { startTestPostgres, type PgServer } from "../../helpers/postgres-server.js";
import { freePort } from "../../helpers/ports.js";
import { mintLoginGrant } from "#server/synapse/admin-client.js";
import { LOGIN_GRANT_TYPE } from "#shared/api/matrix.js";

// Part 1b of issue 13, without a Docker engine: the compose file as Compose reads it, the build
// context as `docker build .` would send it, and the containers' processes run directly (the
// control plane's image command with the compose environment, Synapse with the example config
// filled in, Caddy with the project's Caddyfile) against real PostgreSQL and Synapse.
const root = resolve(import.meta.dirname, "../../..");
// A CommonJS module whose typings declare `export default`: at run time the import is the function.
const dockerignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;
const run = promisify(execFile);
const read = (p: string) => readFile(join(root, p), "utf8");

type Service = { environment?: Record<string, string>; command?: string[]; [k: string]: unknown };
type Compose = { services: Record<string, Service> };

/** A production .env as the README makes it: `npx enlace keys generate`, plus the two it names. */
async function realisticDotEnv(domain: string): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, "bin/enlace.mjs"), "keys", "generate"], { cwd: root });
  return `${stdout}# added by hand\nPOSTGRES_PASSWORD=${randomBytes(18).toString("base64url")}\nENLACE_DOMAIN=${domain}\n`;
}

async function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // The schema names draft-07 as "https://json-schema.org/draft-07/schema", which Ajv knows under
  // its http:// id; draft-07 is Ajv's default dialect, so the reference is dropped, not the rules.
  const { $schema, ...schema } = JSON.parse(await read("deploy/schema/compose-spec.json")) as Record<string, unknown>;
  expect($schema).toMatch(/draft-07/);
  return ajv.compile(schema);
}

describe("docker-compose.yml as Compose reads it (issue 13, Part 1b)", () => {
  it("interpolates like Compose: defaults, required, alternatives, $$ escapes, nesting", () => {
    const env: Record<string, string> = { SET: "v", EMPTY: "" };
    const l = (n: string) => env[n];
    expect(substitute("${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} ${UNSET}|$SET", l)).toBe("v d  d |v");
    expect(substitute("${SET:+alt} ${EMPTY:+alt}|${EMPTY+alt}", l)).toBe("alt |alt");
    expect(substitute("$$SET $${SET} ${UNSET:-${SET}}", l)).toBe("$SET ${SET} v");
    expect(() => substitute("${EMPTY:?needed}", l)).toThrow("required variable EMPTY is missing a value: needed");
    expect(substitute("${EMPTY?needed}", l)).toBe("");
    expect(() => substitute("${UNSET?}", l)).toThrow(/^required variable UNSET is missing a value$/);
    expect(() => substitute("cost: $ 5", l)).toThrow(InterpolationError);
    expect(() => substitute("${SET", l)).toThrow(/Invalid template/);
    expect(parseDotEnv("# c\nexport A=1\nB='${A} x'\nC=\"${A} y\"\nD=${A}z # note\n")).toEqual({ A: "1", B: "${A} x", C: "1 y", D: "1z" });
  });

  it("validates against the Compose Specification's schema after interpolation with a real .env", async () => {
    const dotEnv = await realisticDotEnv("enlace.example.org");
    const vars = parseDotEnv(dotEnv);
    const compose = loadCompose(await read("docker-compose.yml"), dotEnv) as Compose;
    const validate = await validator();
    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
    // Nothing left to substitute, and the values are the ones of the .env.
    expect(JSON.stringify(compose)).not.toMatch(/\$\{/);
    const env = compose.services.enlace.environment!;
    expect(env.DATABASE_URL).toBe(`postgres://enlace:${vars.POSTGRES_PASSWORD}@postgres:5432/enlace`);
    expect(env.ENLACE_DATA_KEY).toBe(vars.ENLACE_DATA_KEY);
    expect(env.SYNAPSE_SERVER_NAME).toBe("enlace.example.org"); // ${SYNAPSE_SERVER_NAME:-${ENLACE_DOMAIN}}
    expect(env.ENLACE_PUBLIC_URL).toBe("https://enlace.example.org");
    // The environment wins over .env, as in Compose.
    const over = loadCompose(await read("docker-compose.yml"), dotEnv, { SYNAPSE_SERVER_NAME: "oas.example" }) as Compose;
    expect(over.services.enlace.environment!.SYNAPSE_SERVER_NAME).toBe("oas.example");
    // Only Caddy publishes ports; PostgreSQL is on the internal network only.
    const published = Object.entries(compose.services)
      .filter(([, s]) => s.ports)
      .map(([n]) => n);
    expect(published).toEqual(["caddy"]);
    expect(compose.services.postgres.networks).toEqual(["backend"]);
  });

  it("the schema check bites: a misspelt key or a wrong type is refused", async () => {
    const validate = await validator();
    const compose = loadCompose(await read("docker-compose.yml"), await realisticDotEnv("enlace.example.org")) as Compose & Record<string, unknown>;
    expect(validate({ ...compose, servics: {} })).toBe(false);
    expect(validate({ ...compose, services: { ...compose.services, caddy: { ...compose.services.caddy, ports: [{ targte: 443 }] } } })).toBe(false);
    expect(validate({ ...compose, services: { ...compose.services, caddy: { ...compose.services.caddy, restart: 5 } } })).toBe(false);
  });

  it("a missing required variable stops Compose with its own message", async () => {
    const dotEnv = (await realisticDotEnv("enlace.example.org"))
      .split("\n")
      .filter((l) => !l.startsWith("ENLACE_DATA_KEY="))
      .join("\n");
    const yamlText = await read("docker-compose.yml");
    expect(() => loadCompose(yamlText, dotEnv)).toThrow(
      "error while interpolating services.enlace.environment.ENLACE_DATA_KEY: required variable ENLACE_DATA_KEY is missing a value: generate with: npx enlace keys generate",
    );
    // An unescaped "$" is refused as Compose refuses it, naming where it is.
    const stray = yamlText.replace('ENLACE_TRUST_PROXY: "1"', 'ENLACE_TRUST_PROXY: "cost: $ 1"');
    expect(() => loadCompose(stray, dotEnv + "ENLACE_DATA_KEY=x\n")).toThrow(
      "invalid interpolation format for services.enlace.environment.ENLACE_TRUST_PROXY.\nYou may need to escape any $ with another $.\ncost: $ 1",
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** Every file under `dir` (relative, `/`-separated), as the Docker client walks a build context. */
async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, base)));
    else out.push(relative(base, p));
  }
  return out;
}

describe("the build context `docker build .` sends (issue 13, Part 1b)", () => {
  let checkout: string;
  const secrets: string[] = [];
  const secret = () => {
    const s = randomBytes(24).toString("base64");
    secrets.push(s);
    return s;
  };

  beforeAll(async () => {
    // A checkout that has run `npm start` and been prepared for deployment: the tracked files and
    // untracked ones of this worktree, plus the local data and secrets a real one holds.
    checkout = await mkdtemp(join(tmpdir(), "enlace-context-"));
    const { stdout } = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, maxBuffer: 64 << 20 });
    for (const f of stdout.split("\0").filter(Boolean)) {
      if (!existsSync(join(root, f))) continue; // deleted in the worktree, not yet committed
      await mkdir(dirname(join(checkout, f)), { recursive: true });
      await cp(join(root, f), join(checkout, f));
    }
    const local: Record<string, string> = {
      ".enlace/keys/secretariat-signing.key": secret(),
      ".enlace/keys/audit-signing.key": secret(),
      ".enlace/keys/session.key": secret(),
      ".enlace/keys/data.key": secret(),
      ".enlace/demo-accounts.json": JSON.stringify({ password: secret() }),
      ".enlace/postgres/pgdata/PG_VERSION": "17\n",
      ".enlace/postgres/pgdata/base/5/1259": secret(),
      ".enlace/synapse/data/homeserver.yaml": `registration_shared_secret: ${secret()}\n`,
      ".enlace/synapse/data/signing.key": `ed25519 a_x ${secret()}\n`,
      ".env": `ENLACE_DATA_KEY=${secret()}\nPOSTGRES_PASSWORD=${secret()}\n`,
      ".env.production": `ENLACE_SESSION_SECRET=${secret()}\n`,
      "server/.env": `X=${secret()}\n`,
      "deploy/synapse/homeserver.yaml": `registration_shared_secret: "${secret()}"\njwt_config: { secret: "${secret()}" }\n`,
      "deploy/synapse/member-homeserver.yaml": `registration_shared_secret: "${secret()}"\n`,
      "server/keys/stray-tls.pem": `-----BEGIN PRIVATE KEY-----\n${secret()}\n`,
      "shared/crypto/leftover.key": secret(),
      "node_modules/some-dep/index.js": `// ${secret()}\n`,
      "client/node_modules/.vite/deps.js": `// ${secret()}\n`,
      "client/dist/index.html": `<!-- ${secret()} -->\n`,
      "test-results/run.log": secret(),
      "bench/bench-results/r.json": secret(),
      "server/debug.log": secret(),
      ".git/config": `[credential] ${secret()}\n`,
    };
    for (const [f, body] of Object.entries(local)) {
      await mkdir(dirname(join(checkout, f)), { recursive: true });
      await writeFile(join(checkout, f), body);
    }
  });
  afterAll(async () => {
    await rm(checkout, { recursive: true, force: true });
  });

  it("holds what the Dockerfile needs and no secret, key, local data or dependency tree", async () => {
    const ig = dockerignore({ ignorecase: false }).add((await readFile(join(checkout, ".dockerignore"), "utf8")).split("\n"));
    const all = await walk(checkout);
    const sent = ig.filter(all);
    // The image builds from these (Dockerfile: COPY package*.json, npm ci, COPY . ., vite build, CMD).
    for (const need of ["package.json", "package-lock.json", "tsconfig.json", "server/serve.ts", "client/vite.config.ts", "bin/enlace.mjs"]) {
      expect(sent, need).toContain(need);
    }
    expect(sent.some((f) => f.startsWith("migrations/"))).toBe(true);
    const forbidden = /(^|\/)(\.enlace|\.git|node_modules|dist|test-results|bench-results)\/|(^|\/)\.env(\.|$)|homeserver\.yaml$|\.(pem|key|log)$/;
    expect(sent.filter((f) => forbidden.test(f))).toEqual([]);
    // And by content: none of the planted secrets is in any file sent.
    for (const f of sent) {
      const body = await readFile(join(checkout, f), "utf8");
      for (const s of secrets) expect(body.includes(s), `${f} holds a planted secret`).toBe(false);
    }
    // The example configs go along (they hold only CHANGE_ME placeholders); the filled ones stay.
    expect(all).toContain("deploy/synapse/homeserver.yaml");
  });

  it("every COPY source of the Dockerfile is in the context", async () => {
    const ig = dockerignore({ ignorecase: false }).add((await read(".dockerignore")).split("\n"));
    const copies = (await read("Dockerfile")).split("\n").filter((l) => /^COPY (?!--from)/.test(l));
    for (const line of copies) {
      for (const src of line.split(/\s+/).slice(1, -1)) {
        if (src === ".") continue;
        expect(ig.ignores(src), `${line}: ${src}`).toBe(false);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** The image's final stage: ENV, WORKDIR and the exec-form CMD, read from the Dockerfile. */
function finalStage(dockerfile: string): { env: Record<string, string>; cmd: string[]; workdir: string } {
  const stages = dockerfile.split(/^FROM .*$/m);
  const last = stages[stages.length - 1];
  const env: Record<string, string> = {};
  for (const m of last.matchAll(/^ENV (.+)$/gm)) {
    for (const kv of m[1].trim().split(/\s+/)) {
      const i = kv.indexOf("=");
      env[kv.slice(0, i)] = kv.slice(i + 1);
    }
  }
  const cmd = /^CMD (\[.*\])\s*$/m.exec(last);
  if (!cmd) throw new Error("the Dockerfile's final stage has no exec-form CMD");
  return { env, cmd: JSON.parse(cmd[1]) as string[], workdir: /^WORKDIR (.+)$/m.exec(last)?.[1] ?? "/" };
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

function start(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Proc {
  const child = spawn(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return {
    child,
    output: () => out.split("\n").slice(-20).join("\n"),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(t);
          done();
        });
        child.kill("SIGTERM");
      }),
  };
}

async function waitFor(what: string, proc: Proc, probe: () => Promise<boolean>, ms: number) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited (${proc.child.exitCode}):\n${proc.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer within ${ms} ms:\n${proc.output()}`);
}

/** An HTTPS GET through Caddy, verifying its certificate against Caddy's own local CA. */
function httpsGet(port: number, path: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, servername: "localhost", headers: { host: `localhost:${port}` }, ca, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d.toString();
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the example Synapse configs (issue 13, Part 1b)", () => {
  it.each(["homeserver.yaml.example", "member-homeserver.yaml.example"])(
    "%s: no password sign-in, no registration, no secret but placeholders",
    async (name) => {
      const hs = parse(await read(`deploy/synapse/${name}`)) as Record<string, unknown>;
      expect(hs.password_config).toEqual({ enabled: false });
      expect(hs.enable_registration).toBe(false);
      for (const key of ["registration_shared_secret", "macaroon_secret_key", "form_secret"]) expect(String(hs[key]), key).toMatch(/^CHANGE_ME/);
    },
  );

  it("the Secretariat's homeserver signs in only with the control plane's single-use grant (Enlace's module), not Synapse's JWT login", async () => {
    const hs = parse(await read("deploy/synapse/homeserver.yaml.example")) as {
      jwt_config?: unknown;
      modules: Array<{ module: string; config: Record<string, unknown> }>;
    };
    expect(hs.jwt_config).toBeUndefined();
    expect(hs.modules).toEqual([
      { module: "enlace_login_grant.EnlaceLoginGrant", config: expect.objectContaining({ secret: "CHANGE_ME_SYNAPSE_JWT_SECRET", issuer: "enlace" }) },
    ]);
    // The module reaches the container: mounted read-only at /modules, which is on PYTHONPATH.
    const compose = parse(await read("docker-compose.yml")) as { services: { synapse: { environment: Record<string, string>; volumes: string[] } } };
    expect(compose.services.synapse.environment.PYTHONPATH).toBe("/modules");
    expect(compose.services.synapse.volumes).toContain("./server/synapse/modules:/modules:ro");
    expect(existsSync(join(root, "server/synapse/modules/enlace_login_grant.py"))).toBe(true);
  });
});

describe("the member state's homeserver example (issue 12)", () => {
  it("signs in only with the control plane's grants, checked with its public key (no shared secret)", async () => {
    const hs = parse(await read("deploy/synapse/member-homeserver.yaml.example")) as {
      jwt_config?: unknown;
      modules: Array<{ module: string; config: Record<string, unknown> }>;
    };
    expect(hs.jwt_config).toBeUndefined();
    expect(hs.modules).toEqual([
      {
        module: "enlace_login_grant.EnlaceLoginGrant",
        config: expect.objectContaining({ public_key: "CHANGE_ME_ENLACE_MATRIX_LOGIN_PUBLIC_KEY", issuer: "enlace" }),
      },
    ]);
    expect(hs.modules[0].config.secret).toBeUndefined();
    const compose = parse(await read("docker-compose.yml")) as {
      services: Record<string, { environment: Record<string, string>; volumes: string[]; profiles?: string[] }>;
    };
    const member = Object.values(compose.services).find((s) => s.profiles?.includes("member-state"))!;
    expect(member.environment.PYTHONPATH).toBe("/modules");
    expect(member.volumes).toContain("./server/synapse/modules:/modules:ro");
  });
});

describe("the containers' processes, run directly (issue 13, Part 1b)", () => {
  const domain = "localhost"; // Caddy then issues from its own local CA: no ACME, no network
  let dir: string;
  let pgServer: PgServer;
  let compose: Compose;
  let synapse: Proc;
  let plane: Proc;
  let caddy: Proc | null = null;
  let synapseUrl: string;
  let planeUrl: string;
  let deployVars: Record<string, string>;
  const ports = { synapse: 0, plane: 0, http: 0, https: 0, federation: 0 };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "enlace-deploy-"));
    for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
    const dotEnv = await realisticDotEnv(domain);
    const vars = parseDotEnv(dotEnv);
    deployVars = vars;
    compose = loadCompose(await read("docker-compose.yml"), dotEnv) as Compose;

    // The postgres service: the image creates POSTGRES_USER (a superuser) with POSTGRES_DB, then
    // runs the init script mounted from deploy/ as that user.
    pgServer = await startTestPostgres();
    const pgEnv = compose.services.postgres.environment!;
    const admin = new pg.Client({ connectionString: pgServer.adminUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${pgEnv.POSTGRES_USER} LOGIN SUPERUSER PASSWORD '${pgEnv.POSTGRES_PASSWORD.replace(/'/g, "''")}'`);
      await admin.query(`CREATE DATABASE ${pgEnv.POSTGRES_DB} OWNER ${pgEnv.POSTGRES_USER}`);
    } finally {
      await admin.end();
    }
    const pgPort = Number(new URL(pgServer.adminUrl()).port);
    const asService = (db: string) => `postgres://${pgEnv.POSTGRES_USER}:${encodeURIComponent(pgEnv.POSTGRES_PASSWORD)}@127.0.0.1:${pgPort}/${db}`;
    // One statement at a time, as psql runs the script (CREATE DATABASE refuses a transaction).
    const init = new pg.Client({ connectionString: asService(pgEnv.POSTGRES_DB) });
    await init.connect();
    try {
      const script = (await read("deploy/postgres-init.sql")).replace(/--.*$/gm, "");
      for (const stmt of script
        .split(/;\s*$/m)
        .map((x) => x.trim())
        .filter(Boolean))
        await init.query(stmt);
    } finally {
      await init.end();
    }

    // The synapse service: the example homeserver.yaml filled in as the README says (the .env's
    // secrets, fresh random ones for CHANGE_ME_RANDOM), then only the container's addresses and
    // its /data volume mapped onto this machine.
    let yamlText = (await read("deploy/synapse/homeserver.yaml.example"))
      .replaceAll("CHANGE_ME.example.org", domain)
      .replaceAll("CHANGE_ME_POSTGRES_PASSWORD", vars.POSTGRES_PASSWORD)
      .replaceAll("CHANGE_ME_SYNAPSE_REGISTRATION_SHARED_SECRET", vars.SYNAPSE_REGISTRATION_SHARED_SECRET)
      .replaceAll("CHANGE_ME_SYNAPSE_JWT_SECRET", vars.SYNAPSE_JWT_SECRET)
      .replace(/CHANGE_ME_RANDOM/g, () => randomBytes(24).toString("hex"));
    expect(JSON.stringify(parse(yamlText))).not.toMatch(/CHANGE_ME/);
    const synData = join(dir, "synapse-data");
    await mkdir(synData, { mode: 0o700 });
    yamlText = yamlText.replace(/(["' ])\/data\//g, `$1${synData}/`);
    const hs = parse(yamlText) as { listeners: { port: number; bind_addresses: string[] }[]; database: { args: Record<string, unknown> } };
    hs.listeners[0].port = ports.synapse;
    hs.listeners[0].bind_addresses = ["127.0.0.1"];
    hs.database.args.host = "127.0.0.1";
    hs.database.args.port = pgPort;
    const configPath = join(synData, "homeserver.yaml");
    await writeFile(configPath, stringify(hs), { mode: 0o600 });
    const python = join(root, ".enlace/synapse/venv/bin/python");
    // What the synapse service runs: the image's start.py execs exactly this (no key step; Synapse
    // creates a missing signing key itself on first start, its default generate-missing-and-run).
    expect(existsSync(join(synData, "signing.key"))).toBe(false);
    // The service's environment, with its /modules mount mapped onto this checkout.
    const modulesMount = (compose.services.synapse.volumes as string[]).find((v) => v.split(":")[1] === "/modules")!;
    const synEnv: Record<string, string> = { ...compose.services.synapse.environment!, SYNAPSE_CONFIG_PATH: configPath };
    synEnv.PYTHONPATH = synEnv.PYTHONPATH!.replace("/modules", resolve(root, modulesMount.split(":")[0]));
    synapse = start(python, ["-m", "synapse.app.homeserver", "--config-path", configPath], { cwd: synData, env: { ...process.env, ...synEnv } });
    synapseUrl = `http://127.0.0.1:${ports.synapse}`;
    await waitFor("Synapse", synapse, async () => (await fetch(`${synapseUrl}/health`)).ok, 240_000);
    expect(existsSync(join(synData, "signing.key"))).toBe(true);

    // The enlace service: the image's CMD with the image's ENV and the compose environment; only
    // the service host names and the /data volume are this machine's.
    const image = finalStage(await read("Dockerfile"));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, ...image.env, ...compose.services.enlace.environment };
    env.DATABASE_URL = env.DATABASE_URL!.replace("@postgres:5432/", `@127.0.0.1:${pgPort}/`);
    env.SYNAPSE_URL = env.SYNAPSE_URL!.replace("http://synapse:8008", synapseUrl);
    env.ENLACE_DATA_DIR = join(dir, "enlace-data");
    env.ENLACE_HOST = "127.0.0.1";
    env.ENLACE_PORT = String(ports.plane);
    await mkdir(env.ENLACE_DATA_DIR, { mode: 0o700 });
    const [cmd, ...args] = image.cmd;
    expect(cmd).toBe("node");
    plane = start(process.execPath, args, { cwd: root, env });
    planeUrl = `http://127.0.0.1:${ports.plane}`;
    await waitFor("the control plane", plane, async () => (await fetch(`${planeUrl}/api/health`)).ok, 120_000);
  }, 420_000);

  afterAll(async () => {
    await caddy?.stop();
    await plane?.stop();
    await synapse?.stop();
    await pgServer?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it("the control plane's container command answers /api/health with the compose environment", async () => {
    const r = await fetch(`${planeUrl}/api/health`);
    expect(r.status).toBe(200);
    expect(JSON.stringify(await r.json())).toMatch(/ok/);
    // It runs as configured: production mode, its own database (migrated), behind one proxy.
    const c = new pg.Client({
      connectionString: compose.services.enlace.environment!.DATABASE_URL.replace("@postgres:5432/", `@127.0.0.1:${new URL(pgServer.adminUrl()).port}/`),
    });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public'");
      expect(Number(rows[0].n)).toBeGreaterThan(5);
    } finally {
      await c.end();
    }
  });

  it("Synapse from the example config runs on its own PostgreSQL database made by postgres-init.sql (C collation)", async () => {
    const u = new URL(pgServer.adminUrl());
    u.pathname = "/synapse";
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try {
      const coll = await c.query<{ datcollate: string }>("SELECT datcollate FROM pg_database WHERE datname = 'synapse'");
      expect(coll.rows[0].datcollate).toBe("C");
      const { rows } = await c.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name IN ('users', 'events', 'rooms')",
      );
      expect(rows[0].n).toBe("3");
    } finally {
      await c.end();
    }
  });

  it("Synapse from the example config refuses password sign-in and JWT login; a grant signs in once", async () => {
    const flows = (await (await fetch(`${synapseUrl}/_matrix/client/v3/login`)).json()) as { flows: { type: string }[] };
    const types = flows.flows.map((f) => f.type);
    expect(types).toContain(LOGIN_GRANT_TYPE);
    expect(types).not.toContain("org.matrix.login.jwt");
    expect(types).not.toContain("m.login.password");
    const grant = await mintLoginGrant(deployVars.SYNAPSE_JWT_SECRET, "deploy.check");
    const login = () =>
      fetch(`${synapseUrl}/_matrix/client/v3/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: LOGIN_GRANT_TYPE, identifier: { type: "m.id.user", user: "deploy.check" }, token: grant }),
      });
    expect((await login()).status).toBe(200);
    expect((await login()).status).toBe(403);
  });

  it("Caddy with deploy/caddy/Caddyfile: client API and web API through, /_synapse never, federation on its own port", async () => {
    requireCaddy();
    const caddyHome = join(dir, "caddy");
    await mkdir(caddyHome);
    caddy = start(CADDY, ["run", "--config", join(root, "deploy/caddy/Caddyfile"), "--adapter", "caddyfile"], {
      cwd: caddyHome,
      env: {
        PATH: process.env.PATH,
        HOME: caddyHome,
        XDG_DATA_HOME: join(caddyHome, "data"),
        XDG_CONFIG_HOME: join(caddyHome, "config"),
        ...compose.services.caddy.environment,
        ENLACE_HTTP_PORT: String(ports.http),
        ENLACE_HTTPS_PORT: String(ports.https),
        ENLACE_FEDERATION_PORT: String(ports.federation),
        SYNAPSE_UPSTREAM: `127.0.0.1:${ports.synapse}`,
        ENLACE_UPSTREAM: `127.0.0.1:${ports.plane}`,
      },
    });
    const caPath = join(caddyHome, "data/caddy/pki/authorities/local/root.crt");
    let ca = "";
    await waitFor(
      "Caddy",
      caddy,
      async () => {
        if (!existsSync(caPath)) return false;
        ca = await readFile(caPath, "utf8");
        return (await httpsGet(ports.https, "/api/health", ca)).status === 200;
      },
      60_000,
    );

    const versions = await httpsGet(ports.https, "/_matrix/client/versions", ca);
    expect(versions.status).toBe(200);
    expect((JSON.parse(versions.body) as { versions: string[] }).versions.length).toBeGreaterThan(0);
    expect((await httpsGet(ports.https, "/api/health", ca)).status).toBe(200);

    // The admin API answers directly on Synapse's listener (so the 404s below are Caddy's)…
    const direct = await fetch(`${synapseUrl}/_synapse/admin/v1/server_version`);
    expect(direct.status).toBe(200);
    // …and never through the public entry, however the path is spelled.
    for (const p of [
      "/_synapse/admin/v1/server_version",
      "/_synapse/admin/v2/users",
      "/_synapse/client/v1/pick_username",
      "/_matrix/../_synapse/admin/v1/server_version",
      "/_matrix/client/../../_synapse/admin/v1/server_version",
      "//_synapse/admin/v1/server_version",
      "/_matrix/%2e%2e/_synapse/admin/v1/server_version",
      "/%5Fsynapse/admin/v1/server_version",
    ]) {
      const r = await httpsGet(ports.https, p, ca);
      expect(r.body, p).not.toMatch(/server_version|python_version/);
      expect(r.status, p).not.toBe(200);
    }
    // Plain HTTP only redirects to HTTPS; Caddy's own admin endpoint is off.
    const plain = await fetch(`http://127.0.0.1:${ports.http}/_synapse/admin/v1/server_version`, { redirect: "manual" });
    expect(plain.status).toBe(308);
    expect(plain.headers.get("location")).toMatch(/^https:\/\//);
    expect(
      await fetch("http://127.0.0.1:2019/config/").then(
        () => "listening",
        () => "refused",
      ),
    ).toBe("refused");

    const viaFed = await httpsGet(ports.federation, "/_synapse/admin/v1/server_version", ca);
    expect(viaFed.status).toBe(404);

    // Federation port: federation and key paths only.
    expect((await httpsGet(ports.federation, "/_matrix/federation/v1/version", ca)).status).toBe(200);
    expect((await httpsGet(ports.federation, "/_matrix/key/v2/server", ca)).status).toBe(200);
    expect((await httpsGet(ports.federation, "/_matrix/client/versions", ca)).status).toBe(404);
    expect((await httpsGet(ports.federation, "/api/health", ca)).status).toBe(404);
  });
});
