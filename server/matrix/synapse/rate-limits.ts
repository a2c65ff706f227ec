/**
 * Synapse's rate limits, raised out of the way for tests and benchmarks (a test that sends 200
 * messages, creates 30 rooms or logs in 50 devices must measure Enlace, not the limiter).
 *
 * The list is every limiter read by synapse/config/ratelimiting.py in Synapse 1.163 (checked
 * against the installed source): rc_message, rc_federation, rc_registration,
 * rc_registration_token_validity, rc_login.{address,account,failed_attempts}, rc_admin_redaction,
 * rc_joins.{local,remote}, rc_joins_per_room, rc_key_requests, rc_3pid_validation,
 * rc_invites.{per_room,per_user,per_issuer}, rc_third_party_invite, rc_media_create,
 * rc_presence.per_user, rc_delayed_event_mgmt, rc_room_creation, rc_reports, rc_user_directory,
 * rc_profile, plus remote media download and federation transaction rates. There is no
 * rc_send_to_device in this version. Re-check when SYNAPSE_VERSION moves.
 */
const UNLIMITED = { per_second: 1_000_000, burst_count: 1_000_000 };

export const testRateLimits = {
  rc_message: UNLIMITED,
  rc_registration: UNLIMITED,
  rc_registration_token_validity: UNLIMITED,
  rc_login: { address: UNLIMITED, account: UNLIMITED, failed_attempts: UNLIMITED },
  rc_admin_redaction: UNLIMITED,
  rc_joins: { local: UNLIMITED, remote: UNLIMITED },
  rc_joins_per_room: UNLIMITED,
  rc_key_requests: UNLIMITED,
  rc_3pid_validation: UNLIMITED,
  rc_invites: { per_room: UNLIMITED, per_user: UNLIMITED, per_issuer: UNLIMITED },
  rc_third_party_invite: UNLIMITED,
  rc_media_create: UNLIMITED,
  rc_presence: { per_user: UNLIMITED },
  rc_delayed_event_mgmt: UNLIMITED,
  rc_room_creation: UNLIMITED,
  rc_reports: UNLIMITED,
  rc_user_directory: UNLIMITED,
  rc_profile: UNLIMITED,
  rc_federation: { window_size: 1000, sleep_limit: 1_000_000, sleep_delay: 0, reject_limit: 1_000_000, concurrent: 1000 },
  federation_rr_transactions_per_room_per_second: 1_000_000,
  remote_media_download_per_second: "1G",
  remote_media_download_burst_count: "10G",
};
