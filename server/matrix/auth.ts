import { createHmac } from "node:crypto";
import { matrixRequest, type MatrixServer } from "./http.js";

export interface LoginResult {
  user_id: string;
  access_token: string;
  device_id: string;
}

export interface SharedSecretRegistration {
  username: string;
  password: string;
  admin: boolean;
  displayName?: string;
}

/**
 * Registers an account with Synapse's shared-secret admin API: fetch a nonce, then POST with an
 * HMAC-SHA1 over `nonce\0username\0password\0admin|notadmin` keyed by registration_shared_secret.
 * Fails with M_USER_IN_USE if the localpart exists.
 */
export async function registerWithSharedSecret(hs: MatrixServer, sharedSecret: string, r: SharedSecretRegistration): Promise<LoginResult> {
  const { nonce } = await matrixRequest<{ nonce: string }>(hs, "GET", "/_synapse/admin/v1/register");
  const mac = createHmac("sha1", sharedSecret)
    .update([nonce, r.username, r.password, r.admin ? "admin" : "notadmin"].join("\0"))
    .digest("hex");
  return matrixRequest<LoginResult>(hs, "POST", "/_synapse/admin/v1/register", {
    body: { nonce, username: r.username, password: r.password, admin: r.admin, mac, ...(r.displayName ? { displayname: r.displayName } : {}) },
  });
}

/** m.login.password with a user identifier (localpart or full user ID). */
export function loginWithPassword(hs: MatrixServer, user: string, password: string, deviceName = "enlace"): Promise<LoginResult> {
  return matrixRequest<LoginResult>(hs, "POST", "/_matrix/client/v3/login", {
    body: { type: "m.login.password", identifier: { type: "m.id.user", user }, password, initial_device_display_name: deviceName },
  });
}

/**
 * Synapse's JWT login (login type `org.matrix.login.jwt`, not `m.login.jwt`). The token is minted
 * by the control plane; Synapse creates the account on first login. A bad signature, expired or
 * mis-addressed token is refused with 403 M_FORBIDDEN.
 */
export function loginWithJwt(hs: MatrixServer, jwt: string, deviceName = "enlace"): Promise<LoginResult> {
  return matrixRequest<LoginResult>(hs, "POST", "/_matrix/client/v3/login", {
    body: { type: "org.matrix.login.jwt", token: jwt, initial_device_display_name: deviceName },
  });
}

export function whoami(hs: MatrixServer, token: string): Promise<{ user_id: string; device_id?: string; is_guest?: boolean }> {
  return matrixRequest(hs, "GET", "/_matrix/client/v3/account/whoami", { token });
}

/** Invalidates this one access token (its device is deleted). */
export async function logout(hs: MatrixServer, token: string): Promise<void> {
  await matrixRequest(hs, "POST", "/_matrix/client/v3/logout", { token, body: {} });
}
