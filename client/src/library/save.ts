/**
 * Hands decrypted bytes to the browser as a download. The type is deliberately generic so the
 * browser saves the file instead of rendering it inside the app's origin.
 */
export function saveFile(bytes: Uint8Array, filename: string) {
  const blob = new Blob([bytes as BlobPart], { type: "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the bytes go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
