import { encryptAttachment, decryptAttachment } from "matrix-encrypt-attachment";
import type { EnlaceSession } from "./session.js";
import { assertDocumentSize } from "../content/errors.js";
import type { DocumentContent } from "../content/document.js";
import type { EncryptedFile, FileRef } from "../content/fields.js";
import { sendContent } from "./send.js";

export type DocumentMeta = Omit<DocumentContent, "file" | "mimetype" | "size" | "filename" | "version">;

export class DocumentIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentIntegrityError";
  }
}

export type UploadProgress = (loaded: number, total: number) => void;

/**
 * Encrypts the file on this device (AES-CTR; key and hash go only inside the Megolm-encrypted event
 * that references it) and uploads only ciphertext. Used for documents and alert attachments.
 */
export async function uploadEncryptedFile(
  s: EnlaceSession,
  file: { bytes: Uint8Array; filename: string; mimetype: string },
  onProgress?: UploadProgress,
): Promise<FileRef> {
  assertDocumentSize(file.bytes.byteLength);
  const plain = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
  const { data, info } = await encryptAttachment(plain);
  const upload = await s.client.uploadContent(new Blob([data], { type: "application/octet-stream" }), {
    type: "application/octet-stream",
    includeFilename: false,
    progressHandler: onProgress ? ({ loaded, total }) => onProgress(loaded, total) : undefined,
  });
  return {
    file: { url: upload.content_uri, key: info.key as EncryptedFile["key"], iv: info.iv, hashes: { sha256: info.hashes!.sha256! }, v: "v2" },
    filename: file.filename,
    mimetype: file.mimetype,
    size: file.bytes.byteLength,
  };
}

/** Uploads the encrypted file and sends the document with its metadata, all encrypted. */
export async function shareDocument(
  s: EnlaceSession,
  roomId: string,
  file: { bytes: Uint8Array; filename: string; mimetype: string },
  meta: DocumentMeta,
  onProgress?: UploadProgress,
): Promise<string> {
  const ref = await uploadEncryptedFile(s, file, onProgress);
  const content: DocumentContent = { version: 1, ...meta, ...ref };
  return sendContent(s, roomId, "document", content);
}

/** Downloads the ciphertext (authenticated media API) and decrypts it; a changed byte is refused. */
export async function fetchDocument(s: EnlaceSession, doc: { file: EncryptedFile }): Promise<Uint8Array> {
  const m = /^mxc:\/\/([^/]+)\/([^/?#]+)$/.exec(doc.file.url);
  if (!m) throw new DocumentIntegrityError("not a Matrix content URI");
  const url = `${s.client.baseUrl}/_matrix/client/v1/media/download/${encodeURIComponent(m[1])}/${encodeURIComponent(m[2])}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${s.client.getAccessToken()}` } });
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  const cipher = await res.arrayBuffer();
  try {
    // biome-ignore lint/suspicious/noExplicitAny: our zod-parsed EncryptedFile matches the library's shape but not its nominal type
    return new Uint8Array(await decryptAttachment(cipher, doc.file as any));
  } catch (err) {
    throw new DocumentIntegrityError(`the document failed its integrity check: ${(err as Error).message}`);
  }
}
