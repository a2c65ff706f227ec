import { TlpCeilingError, tlpLabel } from "#shared/content/tlp.js";
import { ContentTooLargeError, DocumentTooLargeError, InvalidContentError, MAX_DOCUMENT_BYTES } from "#shared/content/errors.js";
import { NotAnEnlaceRoomError } from "#shared/matrix/send.js";
import { UnknownMajorEventError } from "#shared/matrix/registry.js";
import { ApiError } from "../../api/errors.js";
import { formatBytes } from "../../i18n/format.js";

type SendErrorKey = "ceiling" | "tooLargeFile" | "invalidContent" | "contentTooLarge" | "forbidden" | "notEnlaceRoom" | "unknownEvent" | "failed";

/** Why a send failed, as a `compose.err.*` key (or the control plane's own ApiError for advisories). */
export type SendFailure = { key: SendErrorKey; values?: Record<string, string> } | { api: ApiError };

export function sendFailure(err: unknown, lng = "en"): SendFailure {
  if (err instanceof TlpCeilingError) return { key: "ceiling", values: { level: tlpLabel(err.level), ceiling: tlpLabel(err.ceiling) } };
  if (err instanceof DocumentTooLargeError)
    return { key: "tooLargeFile", values: { size: formatBytes(err.size, lng), max: formatBytes(MAX_DOCUMENT_BYTES, lng) } };
  if (err instanceof InvalidContentError) return { key: "invalidContent" };
  if (err instanceof ContentTooLargeError) return { key: "contentTooLarge" };
  if (err instanceof NotAnEnlaceRoomError) return { key: "notEnlaceRoom" };
  if (err instanceof UnknownMajorEventError) return { key: "unknownEvent" };
  if (err instanceof ApiError) return { api: err };
  const m = err as { httpStatus?: number; errcode?: string } | null;
  if (m?.errcode === "M_TOO_LARGE" || m?.httpStatus === 413) return { key: "tooLargeFile", values: { size: "?", max: formatBytes(MAX_DOCUMENT_BYTES, lng) } };
  if (m?.errcode === "M_FORBIDDEN" || m?.httpStatus === 403) return { key: "forbidden" };
  return { key: "failed" };
}
