// What a reader sees instead of a message this device cannot decrypt (shared/matrix/decryption-state.ts).
// None of these blames the sender except the two "sender…" states; the SDK's code goes in "technical" only.
export const decryption = {
  kind: "Encrypted message",
  state: {
    "waiting-for-key": "Waiting for the key from {{sender}}.",
    "before-joined": "Sent before you joined this room; its history was not shared with you.",
    "before-device": "Sent before this device was set up, and no key backup holds its key.",
    "backup-locked": "Sent before this device was set up. Restore your key backup with your recovery key to read it.",
    withheld: "{{sender}}'s device did not share the key for this message with this device.",
    "this-device-unverified": "Your device was not verified when this was sent, so the key was not shared with it.",
    "sender-device-unverified": "The sender's device is not verified by its owner, so this message is not shown.",
    "sender-identity-changed": "The sender's identity has changed since it was verified, so this message is not shown.",
    unknown: "This message could not be decrypted on this device.",
  },
  retrying: "It will appear here as soon as the key arrives.",
  technical: "Technical details",
  notTheSender: "This is about the key, not about the sender.",
  trust: {
    keyOrigin: "origin of the key not confirmed",
    keyOriginHint:
      "This message was read with a key restored from your key backup, and the sending device did not sign it, so this device cannot confirm who sent it. Nothing says the sender did anything wrong.",
  },
};
