// Notifications (issue 10): the settings screen, the urgent chime, and the text a push shows when
// it cannot be read. What a push says is written by the control plane in the person's language.
export const notify = {
  link: "Notifications",
  title: "Notifications",
  intro:
    "Enlace tells you when an advisory awaits your acknowledgement or an urgent alert arrives. Notifications never contain the content itself: only the program, the advisory's number and the room.",
  loadFailed: "Your notification settings could not be loaded.",
  push: {
    heading: "On this device",
    explain: "Get a notification on this device even when Enlace is closed. Your browser will ask for permission.",
    enable: "Turn on notifications on this device",
    disable: "Turn off on this device",
    on: "Notifications are on for this device.",
    off: "Notifications are off for this device.",
    denied: "Your browser blocks notifications from Enlace. Allow them in the browser's site settings, then come back here.",
    unsupported: "This browser cannot receive notifications. On a phone, add Enlace to the home screen first.",
    needsMessaging: "Set up secure messaging on this device first; notifications then follow this device.",
    browserFailed: "this browser's push service did not accept the subscription. Try again later or in another browser.",
    failed: "Notifications could not be turned on: {{reason}}",
  },
  channels: {
    legend: "How to reach you",
    push: "Push notifications to my devices",
    email: "Email to my work address",
  },
  quiet: {
    legend: "Quiet hours",
    enable: "Hold notifications during quiet hours",
    start: "From",
    end: "Until",
    timeZone: "Times are in your time zone: {{zone}}",
    override: "Critical alerts and acknowledgement deadlines still reach you during quiet hours.",
  },
  language: "Language of notifications and emails",
  save: "Save settings",
  saving: "Saving…",
  saved: "Settings saved.",
  sound: {
    legend: "Sound",
    enable: "Play a short sound when urgent content arrives while Enlace is open",
    test: "Play the sound",
    note: "This setting is kept on this device only.",
  },
  urgent: {
    sentNotTold: "Sent. The other members could not be notified right now; they will see the alert when they open the room.",
  },
  fallback: {
    title: "Enlace",
    body: "Something new awaits you in Enlace.",
  },
};
