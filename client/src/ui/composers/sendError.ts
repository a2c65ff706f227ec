import { TlpCeilingError, tlpLabel } from "#shared/content/tlp.js";
import { ContentTooLargeError, DocumentTooLargeError, InvalidContentError, MAX_DOCUMENT_BYTES } from "#shared/content/errors.js";
import { NotAnEnlaceRoomError } from "#shared/matrix/send.js";
import { UnknownMajorEventError } from "#shared/matrix/registry.js";
import { ApiError } from "../../api/errors.js";

type SendErrorKey = "ceiling" | "tooLargeFile" | "invalidContent" | "contentTooLarge" | "forbidden" | "notEnlaceRoom" | "unknownEvent" | "failed";

/** Why a send failed, as a `compose.err.*` key (or the control plane's own ApiError for advisories). */
export type SendFailure = { key: SendErrorKey; values?: Record<string, string> } | { api: ApiError };

/** "50 MiB", "1.5 MiB", "800 KiB": sizes people read in errors and file lists. */
export function formatBytes(n: number, lng = "en"): string {
  const num = (v: number, digits: number) => new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(v);
  if (n >= 1024 * 1024) return `${num(n / (1024 * 1024), 1)} MiB`;
  if (n >= 1024) return `${num(n / 1024, 0)} KiB`;
  return `${num(n, 0)} B`;
}

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
