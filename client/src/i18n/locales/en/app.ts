export const app = {
  name: "Enlace",
  tagline: "Secure network of CICTE focal points",
  loading: "Loading…",
  skipToContent: "Skip to main content",
  language: "Language",
  signOut: "Sign out",
  signedInAs: "Signed in as {{name}}",
  mainNav: "Main",
  notFound: "This page does not exist.",
  notAllowed: "Your roles do not give access to this page.",
  backHome: "Back to home",
  retry: "Try again",
};
