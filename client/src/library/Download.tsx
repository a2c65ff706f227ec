import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { DocumentIntegrityError, fetchDocument } from "#shared/matrix/documents.js";
import type { FileRef } from "#shared/content/fields.js";
import { ErrorMessage, StatusMessage } from "../ui/components/ErrorMessage.js";
import { formatBytes } from "../i18n/format.js";
import { saveFile } from "./save.js";

type State = { status: "idle" } | { status: "working" } | { status: "done" } | { status: "error"; integrity: boolean };

/** Downloads the ciphertext, decrypts it here, checks its hash, and only then saves it. */
export function DownloadButton({ session, file }: { session: EnlaceSession; file: Pick<FileRef, "file" | "filename" | "size"> }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ status: "idle" });
  async function download() {
    setState({ status: "working" });
    try {
      const bytes = await fetchDocument(session, file);
      saveFile(bytes, file.filename);
      setState({ status: "done" });
    } catch (err) {
      setState({ status: "error", integrity: err instanceof DocumentIntegrityError });
    }
  }
  return (
    <div className="download">
      <button
        type="button"
        onClick={() => void download()}
        disabled={state.status === "working"}
        aria-label={t("library.downloadNamed", { name: file.filename })}
      >
        {t("library.download")} <span className="muted">({formatBytes(file.size, i18n.language)})</span>
      </button>
      {state.status === "working" && <span role="status">{t("library.downloading")}</span>}
      <StatusMessage text={state.status === "done" ? t("library.downloaded", { name: file.filename }) : null} />
      <ErrorMessage text={state.status === "error" ? t(state.integrity ? "library.integrity" : "library.downloadFailed", { name: file.filename }) : null} />
    </div>
  );
}
