/** Synapse's default `max_upload_size` is 50M; larger documents are refused before encrypting. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export class DocumentTooLargeError extends Error {
  override readonly name = "DocumentTooLargeError";
  constructor(
    readonly size: number,
    readonly max = MAX_DOCUMENT_BYTES,
  ) {
    super(`document is ${formatBytes(size)}; the limit is ${formatBytes(max)}`);
  }
}

/** Throws DocumentTooLargeError; call before encrypting and uploading a file. */
export function assertDocumentSize(size: number): void {
  if (!Number.isFinite(size) || size < 0 || size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(size);
}

/** The built event content would not fit in a Matrix event once encrypted (see event.ts). */
export class ContentTooLargeError extends Error {
  override readonly name = "ContentTooLargeError";
  constructor(
    readonly bytes: number,
    readonly max: number,
  ) {
    super(`event content is ${bytes} bytes; at most ${max} fit in an encrypted Matrix event`);
  }
}

/** Outgoing content failed its schema; `issues` are zod's, for the composer to map to fields. */
export class InvalidContentError extends Error {
  override readonly name = "InvalidContentError";
  constructor(
    readonly kind: string,
    readonly issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  ) {
    super(`invalid ${kind}: ${issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
}

function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${n} bytes`;
}
