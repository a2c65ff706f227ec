"""Enlace's one sign-in to the Secretariat's Synapse: a login grant that works once.

Synapse's own JWT login (jwt_config) accepts the same token for every /login inside its window, so
one leaked token made as many devices as its holder liked. This module replaces it with a custom
login type, ``org.oas.enlace.login.grant``: the control plane mints an HS256 token (sub = localpart,
aud = that login type, a random jti, at most ``max_lifetime_seconds`` between iat and exp) and this
module redeems it at most once, by inserting its jti into a table of Synapse's own database with
INSERT ... ON CONFLICT DO NOTHING (one row per jti, so two concurrent /login calls with the same
token cannot both win, on SQLite and on PostgreSQL alike, and across Synapse workers).

The user named in the login's identifier must be the token's subject: a grant for one person never
signs in another. Loaded from homeserver.yaml:

    modules:
      - module: enlace_login_grant.EnlaceLoginGrant
        config: { secret: "...", issuer: enlace }

with this directory on PYTHONPATH.

A member state's homeserver shares no secret with the Secretariat: it is configured with the control
plane's Ed25519 *public* key instead (``public_key``: unpadded base64 of the raw 32 bytes) and then
accepts only EdDSA grants whose audience is its own server name, so a grant minted for Chile's
homeserver is refused by Jamaica's, and nobody who holds only the public key can mint one:

        config: { public_key: "...", issuer: enlace }

Single use holds the same way. The standard library, Synapse's module API, and ``cryptography``
(a dependency of Synapse) for Ed25519.
"""

import base64
import hashlib
import hmac
import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from synapse.api.errors import SynapseError
from twisted.internet import defer
from synapse.module_api import ModuleApi

logger = logging.getLogger(__name__)

LOGIN_TYPE = "org.oas.enlace.login.grant"
TABLE = "enlace_login_grants"
# A redeemed jti is kept well past any token's expiry, then dropped: a token older than that is
# refused by its exp anyway.
KEEP_MS = 3600 * 1000


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


class EnlaceLoginGrant:
    def __init__(self, config: Dict[str, Any], api: ModuleApi):
        self._api = api
        secret, public_key = config.get("secret"), config.get("public_key")
        self._secret = secret.encode("utf-8") if isinstance(secret, str) else None
        self._public_key = Ed25519PublicKey.from_public_bytes(_b64decode(public_key)) if public_key else None
        # With a public key, the grant names this homeserver: one control-plane key serves many
        # homeservers, and a grant for one must not open another.
        self._audience = api.server_name if self._public_key else LOGIN_TYPE
        self._issuer = config.get("issuer", "enlace")
        self._max_lifetime = int(config.get("max_lifetime_seconds", 60))
        self._skew = int(config.get("clock_skew_seconds", 5))
        self._table_ready = False
        # The first logins after a start may come at once: on PostgreSQL two concurrent CREATE TABLE
        # IF NOT EXISTS collide (a unique violation in pg_type) and that login failed. One at a time.
        self._table_lock = defer.DeferredLock()
        api.register_password_auth_provider_callbacks(
            auth_checkers={(LOGIN_TYPE, ("token",)): self.check_grant},
        )

    @staticmethod
    def parse_config(config: Dict[str, Any]) -> Dict[str, Any]:
        secret, public_key = config.get("secret"), config.get("public_key")
        if (secret is None) == (public_key is None):
            raise Exception("enlace_login_grant: set exactly one of config.secret (HS256) or config.public_key (Ed25519)")
        if secret is not None and (not isinstance(secret, str) or len(secret) < 16):
            raise Exception("enlace_login_grant: config.secret must be a string of at least 16 characters")
        if public_key is not None:
            try:
                ok = isinstance(public_key, str) and len(_b64decode(public_key)) == 32
            except Exception:
                ok = False
            if not ok:
                raise Exception("enlace_login_grant: config.public_key must be the base64 of a raw 32-byte Ed25519 public key")
        return config

    def _signature_ok(self, alg: Any, signed: bytes, signature: bytes) -> bool:
        # The algorithm is fixed by the config, never taken from the token ("none", RS/HS confusion).
        if self._public_key is not None:
            if alg != "EdDSA":
                return False
            try:
                self._public_key.verify(signature, signed)
                return True
            except InvalidSignature:
                return False
        if alg != "HS256" or self._secret is None:
            return False
        return hmac.compare_digest(hmac.new(self._secret, signed, hashlib.sha256).digest(), signature)

    def _claims(self, token: str) -> Optional[Dict[str, Any]]:
        """The verified claims of an HS256 grant, or None (bad signature, wrong audience, expired...)."""
        parts = token.split(".")
        if len(parts) != 3:
            return None
        try:
            header = json.loads(_b64decode(parts[0]))
            claims = json.loads(_b64decode(parts[1]))
            signature = _b64decode(parts[2])
        except Exception:
            return None
        if not isinstance(header, dict) or not isinstance(claims, dict):
            return None
        if not self._signature_ok(header.get("alg"), f"{parts[0]}.{parts[1]}".encode("ascii"), signature):
            return None
        now = time.time()
        exp, iat = claims.get("exp"), claims.get("iat")
        if not isinstance(exp, (int, float)) or not isinstance(iat, (int, float)):
            return None
        if exp + self._skew < now or iat - self._skew > now or exp - iat > self._max_lifetime:
            return None
        # Single-purpose: a token minted for anything else (another audience, issuer) is not a grant.
        aud = claims.get("aud")
        if aud != self._audience and not (isinstance(aud, list) and aud == [self._audience]):
            return None
        if claims.get("iss") != self._issuer:
            return None
        jti, sub = claims.get("jti"), claims.get("sub")
        if not isinstance(jti, str) or not 8 <= len(jti) <= 128 or not isinstance(sub, str) or not sub:
            return None
        # A localpart, never a full ID: a grant names an account on this homeserver only.
        if sub.startswith("@") or ":" in sub:
            return None
        return claims

    async def _redeem(self, jti: str, user_id: str, exp_ms: int) -> bool:
        """True exactly once per jti."""
        now_ms = self._api.get_current_time_msec()

        def txn(cur: Any) -> bool:
            cur.execute(f"DELETE FROM {TABLE} WHERE expires_ts < ?", (now_ms - KEEP_MS,))
            cur.execute(
                f"INSERT INTO {TABLE} (jti, user_id, redeemed_ts, expires_ts) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (jti) DO NOTHING",
                (jti, user_id, now_ms, exp_ms),
            )
            return cur.rowcount == 1

        await self._ensure_table()
        return await self._api.run_db_interaction("enlace_redeem_login_grant", txn)

    async def _ensure_table(self) -> None:
        if self._table_ready:
            return
        await self._table_lock.acquire()
        try:
            if not self._table_ready:

                def create(cur: Any) -> None:
                    cur.execute(
                        f"CREATE TABLE IF NOT EXISTS {TABLE} (jti TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
                        " redeemed_ts BIGINT NOT NULL, expires_ts BIGINT NOT NULL)"
                    )

                await self._api.run_db_interaction("enlace_login_grant_table", create)
                self._table_ready = True
        finally:
            self._table_lock.release()

    async def check_grant(
        self, username: str, login_type: str, login_dict: Dict[str, Any]
    ) -> Optional[Tuple[str, Optional[Callable[[Any], Awaitable[None]]]]]:
        token = login_dict.get("token")
        if login_type != LOGIN_TYPE or not isinstance(token, str) or len(token) > 4096:
            return None
        claims = self._claims(token)
        if claims is None:
            logger.info("refused an Enlace login grant: invalid, expired or not for this login")
            return None
        user_id = self._api.get_qualified_user_id(claims["sub"])
        # The identifier in the login must name the grant's own subject.
        asked = username if username.startswith("@") else self._api.get_qualified_user_id(username)
        if asked.lower() != user_id.lower():
            logger.warning("refused an Enlace login grant for %s presented as %s", user_id, asked)
            return None
        if not await self._redeem(claims["jti"], user_id, int(claims["exp"] * 1000)):
            logger.warning("refused an Enlace login grant already used (jti %s, %s)", claims["jti"], user_id)
            return None
        # First sign-in of a person makes their account (what jwt_config did). The registry bot may
        # be making it at the same moment: then it exists, which is all we need.
        if not await self._api.check_user_exists(user_id):
            try:
                await self._api.register_user(claims["sub"])
            except SynapseError as e:
                if e.errcode != "M_USER_IN_USE":
                    raise
        return user_id, None
