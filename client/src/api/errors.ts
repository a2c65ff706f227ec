// The control plane's one error class lives with the one client in shared/api; screens import it from here.
export { ApiError, networkError, problemFrom, toApiError } from "#shared/api/client.js";
