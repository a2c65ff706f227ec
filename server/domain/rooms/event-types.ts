// The server names events exactly as the shared content protocol does.
import { EVENT_TYPES, CREDENTIAL_STATE_EVENT_TYPE } from "#shared/content/types.js";

export const ACK_EVENT_TYPE = EVENT_TYPES.ack;
export const ROOM_TLP_EVENT_TYPE = EVENT_TYPES["room.tlp"];
export const CREDENTIAL_STATE_TYPE = CREDENTIAL_STATE_EVENT_TYPE;
/** State event marking a room as Enlace-managed, with its stable registry key (not secret). */
export const ROOM_KEY_STATE_TYPE = "org.oas.enlace.room.key";
export const ARCHIVED_STATE_TYPE = "org.oas.enlace.room.archived";
