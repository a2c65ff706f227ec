export const connection = {
  lost: "The connection to Enlace was lost. Nothing you entered is lost; we keep trying.",
  checking: "Checking the connection…",
  retry: "Retry now",
  homeserverLost: "Secure messaging cannot reach its server. New messages will appear once it is back; we keep trying.",
};
