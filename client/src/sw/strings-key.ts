// Where the open app leaves the generic notification text in the person's language for the service
// worker (used only for a push it cannot read). Shared by both sides.
import type { FallbackText } from "./notification-text.js";

export const SW_STRINGS_CACHE = "enlace-notify-strings";
export const SW_STRINGS_KEY = "/__enlace/notify-fallback.json";
export type SwStrings = FallbackText;
