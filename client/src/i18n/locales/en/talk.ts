// Talking in rooms: opening a composer, plain messages and threaded replies.
export const talk = {
  open: {
    alert: "New alert",
    incident: "New incident notice",
    document: "New lessons-learned document",
    request: "New expertise request",
    advisory: "New advisory",
  },
  close: "Close",
  composeActions: "Compose",
  message: {
    label: "Message",
    placeholder: "Write a message (Markdown)…",
    send: "Send",
    sending: "Sending…",
    sent: "Sent, end-to-end encrypted.",
    empty: "Write something first.",
  },
  thread: {
    replies_one: "{{count}} reply",
    replies_other: "{{count}} replies",
    reply: "Reply",
    hide: "Hide replies",
    title: "Replies to {{title}}",
    replyLabel: "Your reply",
    replyPlaceholder: "Reply to everyone in this room (Markdown)…",
    none: "No replies yet.",
  },
};
