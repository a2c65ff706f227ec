import { useState } from "react";
import { useTranslation } from "react-i18next";
import { tlpLabel } from "#shared/content/tlp.js";
import { saveFile } from "../../library/save.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { stixExport, stixRefusal, type StixExportSource } from "./stix-export.js";

type State = { status: "idle" } | { status: "working" } | { status: "done"; name: string } | { status: "error" };

/** "Export STIX" on an alert or incident card: builds the STIX 2.1 bundle here and saves it. */
export function StixExportButton({ source }: { source: StixExportSource }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: "idle" });
  const refusal = stixRefusal(source);
  const tlp = tlpLabel(source.content.tlp);
  if (refusal === "unverified") return null; // nothing to name as the source: the verdict beside the sender says why
  if (refusal === "red") return <p className="muted stix-refused">{t("cards.stix.red")}</p>;
  async function run() {
    setState({ status: "working" });
    try {
      const { filename, bytes } = await stixExport(source);
      saveFile(bytes, filename);
      setState({ status: "done", name: filename });
    } catch {
      setState({ status: "error" });
    }
  }
  return (
    <div className="stix-export">
      <button type="button" onClick={() => void run()} disabled={state.status === "working"}>
        {t("cards.stix.export")}
      </button>
      <StatusMessage text={state.status === "done" ? t("cards.stix.exported", { name: state.name, tlp }) : null} />
      <ErrorMessage text={state.status === "error" ? t("cards.stix.failed") : null} />
    </div>
  );
}
