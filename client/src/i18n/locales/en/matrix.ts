export const matrix = {
  connecting: "Connecting to secure messaging…",
  setupTitle: "Set up secure messaging",
  setupText: "Before you can read and send encrypted messages, this account needs its encryption keys and a recovery key. It takes a moment and is done once.",
  setupAction: "Set up now",
  restoreTitle: "This device is new",
  restoreText: "Your account already has encryption keys. Enter your recovery key to use secure messaging on this device and read earlier messages.",
  restoreAction: "Use my recovery key",
  reconnectingOffline: "Secure messaging cannot reach its server just now. Enlace keeps this device and tries again by itself.",
  reconnectingRateLimited: "The messaging server asked Enlace to wait a moment. This device is kept; Enlace reconnects by itself shortly.",
  reconnectNow: "Try now",
  deviceReplaced:
    "This browser had been signed out of secure messaging on the server (from another device or by an administrator), so it now has a new device.",
  error: {
    "no-homeserver": "Secure messaging is not available on this server.",
    "foreign-account": "Your messaging account is on your own state's homeserver: use your state's Matrix client.",
    "other-tab": "Enlace is open in another tab of this browser. Use that tab, or close it and try again here.",
    failed: "Secure messaging could not be opened. Check your connection and try again.",
  },
};
