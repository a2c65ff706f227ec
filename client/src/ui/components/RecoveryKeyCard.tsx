import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.js";

const PRINTING = "printing-recovery-key";

/**
 * A recovery key being shown (first run, or a new one on the account page): the key, and the
 * ways to keep it — copy, a text file with the key and what it is for in the person's language,
 * and printing only this card (styles.css hides the rest of the page while PRINTING is set).
 */
export function RecoveryKeyCard({ recoveryKey, account }: { recoveryKey: string; account: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const [created] = useState(() => new Date());
  useEffect(() => {
    const done = () => document.documentElement.classList.remove(PRINTING);
    window.addEventListener("afterprint", done);
    return () => {
      window.removeEventListener("afterprint", done);
      done();
    };
  }, []);

  const copy = () => {
    void navigator.clipboard?.writeText(recoveryKey).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };
  const download = () => {
    const text = [
      t("firstRun.fileTitle"),
      "",
      t("firstRun.fileAccount", { account }),
      t("firstRun.fileCreated", { date: format.dateTime(created) }),
      "",
      recoveryKey,
      "",
      t("firstRun.keyWhy"),
      t("firstRun.fileEntry"),
      t("firstRun.keyOffline"),
      t("firstRun.keyNobody"),
      t("firstRun.fileReplaced"),
      "",
    ].join("\n");
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    // Not attached to the page: a click on a link inside it is held while the key is unsaved (FirstRun).
    const a = document.createElement("a");
    a.href = url;
    a.download = t("firstRun.fileName");
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const print = () => {
    document.documentElement.classList.add(PRINTING);
    window.print();
  };

  return (
    <div className="recovery-card">
      <div className="print-only">
        <p className="recovery-print-title">{t("firstRun.fileTitle")}</p>
        <p>{t("firstRun.fileAccount", { account })}</p>
        <p>{t("firstRun.fileCreated", { date: format.dateTime(created) })}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t("firstRun.keyLabel")}</label>
        <textarea
          id={`${id}-key`}
          className="recovery-key"
          readOnly
          rows={3}
          value={recoveryKey}
          translate="no"
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="recovery-key"
        />
        <p className="hint">{t("firstRun.fileEntry")}</p>
      </div>
      <div className="print-only">
        <p>{t("firstRun.keyWhy")}</p>
        <p>{t("firstRun.keyNobody")}</p>
        <p>{t("firstRun.fileReplaced")}</p>
      </div>
      <div className="actions no-print">
        <button type="button" onClick={copy}>
          {t("firstRun.copy")}
        </button>
        <button type="button" onClick={download}>
          {t("firstRun.download")}
        </button>
        <button type="button" onClick={print}>
          {t("firstRun.print")}
        </button>
        <span aria-live="polite">{copied === "copied" ? t("firstRun.copied") : copied === "failed" ? t("firstRun.copyFailed") : ""}</span>
      </div>
    </div>
  );
}

/**
 * A key being shown is lost for good if the person leaves before saving it (a link in the app, a
 * reload, closing the tab): until `saved`, links are held (true is returned, for a message) and the
 * browser asks before unloading.
 */
export function useHeldUntilSaved(saved: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (saved) return;
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link) return;
      e.preventDefault();
      e.stopPropagation();
      setHeld(true);
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, [saved]);
  return held && !saved;
}
