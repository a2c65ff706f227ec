import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { LOGIN_GRANT_TYPE } from "#shared/api/matrix.js";
import { matrixFetch, enc, MatrixError, type HttpOptions } from "./http.js";

/** The Synapse calls the control plane makes: registration, grant login, rooms, members, users. */
export class SynapseAdmin {
  constructor(
    readonly http: HttpOptions,
    private token = "",
  ) {}

  setToken(token: string) {
    this.token = token;
  }
  // biome-ignore lint/suspicious/noExplicitAny: the caller names the reply type; untyped callers read Synapse JSON as before
  private call<T = any>(method: string, path: string, body?: unknown) {
    return matrixFetch<T>(this.http, method, path, body, this.token);
  }

  /** Shared-secret registration (HMAC-SHA1 over nonce\0user\0password\0admin|notadmin). */
  async register(sharedSecret: string, username: string, admin: boolean, password = randomBytes(24).toString("hex"), deviceId?: string) {
    const { nonce } = await matrixFetch<{ nonce: string }>(this.http, "GET", "/_synapse/admin/v1/register");
    const mac = createHmac("sha1", sharedSecret)
      .update([nonce, username, password, admin ? "admin" : "notadmin"].join("\0"))
      .digest("hex");
    return matrixFetch<{ access_token: string; user_id: string; device_id: string }>(this.http, "POST", "/_synapse/admin/v1/register", {
      nonce,
      username,
      password,
      admin,
      mac,
      ...(deviceId ? { device_id: deviceId } : {}),
    });
  }

  /**
   * Redeems a login grant (once). With `deviceId`, signs in on that device again (if it exists)
   * instead of making a new one. `user` defaults to the grant's own subject.
   */
  async loginWithGrant(grant: string, deviceName = "enlace", deviceId?: string, user = grantSubject(grant)) {
    return matrixFetch<{ access_token: string; user_id: string; device_id: string }>(this.http, "POST", "/_matrix/client/v3/login", {
      type: LOGIN_GRANT_TYPE,
      identifier: { type: "m.id.user", user },
      token: grant,
      initial_device_display_name: deviceName,
      ...(deviceId ? { device_id: deviceId } : {}),
    });
  }

  whoami(token = this.token) {
    return matrixFetch<{ user_id: string; device_id?: string }>(this.http, "GET", "/_matrix/client/v3/account/whoami", undefined, token);
  }

  createRoom(body: Record<string, unknown>) {
    return this.call<{ room_id: string }>("POST", "/_matrix/client/v3/createRoom", body);
  }
  async resolveAlias(alias: string): Promise<string | null> {
    try {
      return (await this.call<{ room_id: string }>("GET", `/_matrix/client/v3/directory/room/${enc(alias)}`)).room_id;
    } catch (err) {
      if (err instanceof MatrixError && err.statusCode === 404) return null;
      throw err;
    }
  }
  roomState(roomId: string) {
    return this.call<{ state: Array<{ type: string; state_key: string; content: Record<string, unknown> }> }>(
      "GET",
      `/_synapse/admin/v1/rooms/${enc(roomId)}/state`,
    );
  }
  async stateContent(roomId: string, type: string, stateKey: string): Promise<Record<string, unknown> | null> {
    try {
      return await this.call("GET", `/_matrix/client/v3/rooms/${enc(roomId)}/state/${enc(type)}/${enc(stateKey)}`);
    } catch (err) {
      if (err instanceof MatrixError && err.statusCode === 404) return null;
      throw err;
    }
  }
  putState(roomId: string, type: string, stateKey: string, content: unknown) {
    return this.call("PUT", `/_matrix/client/v3/rooms/${enc(roomId)}/state/${enc(type)}/${enc(stateKey)}`, content);
  }
  adminJoin(roomId: string, userId: string) {
    return this.call("POST", `/_synapse/admin/v1/join/${enc(roomId)}`, { user_id: userId });
  }
  invite(roomId: string, userId: string) {
    return this.call("POST", `/_matrix/client/v3/rooms/${enc(roomId)}/invite`, { user_id: userId });
  }
  kick(roomId: string, userId: string, reason: string) {
    return this.call("POST", `/_matrix/client/v3/rooms/${enc(roomId)}/kick`, { user_id: userId, reason });
  }
  ban(roomId: string, userId: string, reason: string) {
    return this.call("POST", `/_matrix/client/v3/rooms/${enc(roomId)}/ban`, { user_id: userId, reason });
  }
  unban(roomId: string, userId: string) {
    return this.call("POST", `/_matrix/client/v3/rooms/${enc(roomId)}/unban`, { user_id: userId });
  }
  roomMembers(roomId: string) {
    return this.call<{ members: string[] }>("GET", `/_synapse/admin/v1/rooms/${enc(roomId)}/members`);
  }
  sendEvent(roomId: string, type: string, content: unknown, token = this.token) {
    return matrixFetch<{ event_id: string }>(
      this.http,
      "PUT",
      `/_matrix/client/v3/rooms/${enc(roomId)}/send/${enc(type)}/${randomBytes(8).toString("hex")}`,
      content,
      token,
    );
  }
  joinedRooms(userId: string) {
    return this.call<{ joined_rooms: string[] }>("GET", `/_synapse/admin/v1/users/${enc(userId)}/joined_rooms`);
  }
  upsertUser(userId: string, body: Record<string, unknown>) {
    return this.call("PUT", `/_synapse/admin/v2/users/${enc(userId)}`, body);
  }
  getUser(userId: string) {
    return this.call<{ name: string; deactivated: boolean; locked?: boolean; admin?: boolean | number }>("GET", `/_synapse/admin/v2/users/${enc(userId)}`);
  }
  /** Local server admins (Synapse's user list filtered on admin), paged. */
  async listAdmins(): Promise<string[]> {
    const names: string[] = [];
    for (let from: string | undefined = "0"; from !== undefined; ) {
      const page: { users: Array<{ name: string }>; next_token?: string | number } = await this.call(
        "GET",
        `/_synapse/admin/v2/users?admins=true&guests=false&limit=500&from=${enc(from)}`,
      );
      names.push(...page.users.map((u) => u.name));
      from = page.next_token === undefined ? undefined : String(page.next_token);
    }
    return names;
  }
  devices(userId: string) {
    return this.call<{ devices: Array<{ device_id: string }> }>("GET", `/_synapse/admin/v2/users/${enc(userId)}/devices`);
  }
  deleteDevices(userId: string, deviceIds: string[]) {
    return this.call("POST", `/_synapse/admin/v2/users/${enc(userId)}/delete_devices`, { devices: deviceIds });
  }
  /** null: Synapse has no such account. */
  async findUser(userId: string) {
    try {
      return await this.getUser(userId);
    } catch (err) {
      if (err instanceof MatrixError && err.statusCode === 404) return null;
      throw err;
    }
  }
  async logoutAllDevices(userId: string) {
    const { devices } = await this.devices(userId);
    if (devices.length)
      await this.deleteDevices(
        userId,
        devices.map((d) => d.device_id),
      );
  }
  overrideRatelimit(userId: string) {
    return this.call("POST", `/_synapse/admin/v1/users/${enc(userId)}/override_ratelimit`, { messages_per_second: 0, burst_count: 0 });
  }
  deactivate(userId: string) {
    return this.call("POST", `/_synapse/admin/v1/deactivate/${enc(userId)}`, { erase: false });
  }
  keysQuery(userId: string) {
    return this.call<{ master_keys?: Record<string, { keys: Record<string, string> }> }>("POST", "/_matrix/client/v3/keys/query", {
      device_keys: { [userId]: [] },
    });
  }
}

/**
 * A single-use login grant for the Secretariat's Synapse: sign-in happens at the control plane only.
 * An HS256 token (sub = localpart, aud = the login type, random jti) that our Synapse module
 * (server/synapse/modules/enlace_login_grant.py) redeems at most once and only until `exp` (no
 * leeway beyond a few seconds of clock skew; at most 60 s between iat and exp).
 */
export async function mintLoginGrant(secret: string, localpart: string, ttlSeconds = 15, jti: string = randomUUID(), issuedAt = Math.floor(Date.now() / 1000)) {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(localpart)
    .setIssuer("enlace")
    .setAudience(LOGIN_GRANT_TYPE)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** The subject of a grant, read without checking it (the homeserver checks): whom a login names. */
const grantSubject = (token: string): string => {
  try {
    return String(JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")).sub ?? "");
  } catch {
    return "";
  }
};

export const isNotInRoom = (e: unknown) =>
  e instanceof MatrixError && e.statusCode === 403 && /not in the room|not a member|target user is not/i.test(e.message);
export { MatrixError };
