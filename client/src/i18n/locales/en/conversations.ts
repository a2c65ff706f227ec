// Direct encrypted conversations between two vetted people.
export const conversations = {
  title: "Conversations",
  intro: "Direct conversations with one other vetted person, end-to-end encrypted. Start one with “Contact” in the expertise directory.",
  direct: "Direct conversation",
  none: "No conversations yet.",
  with: "Conversation with {{name}}",
  waiting: "Waiting for {{name}} to join the conversation…",
  open: "Open",
  preparing: "Being prepared…",
  notVetted: "No longer vetted: they have left this conversation.",
  startedOn: "Started {{date}}",
  contact: "Contact",
  contactLabel: "Contact {{name}} in a direct conversation",
  opening: "Opening the conversation…",
  slow: "The conversation is being prepared. It will appear under Conversations in a moment.",
  you: "This is you.",
  noAccount: "No secure messaging account yet.",
};
