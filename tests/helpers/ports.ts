// The one free-port helper lives with the server code (Synapse start-up uses it too).
export { freePort } from "#server/net/free-port.js";
