import { useTranslation } from "react-i18next";
import { useConnection } from "../../app/connection.js";

export function ConnectionBanner() {
  const { t } = useTranslation();
  const { online, checking, retry } = useConnection();
  return (
    <div className="live" aria-live="assertive">
      {!online && (
        <div className="banner" role="alert">
          <p>{checking ? t("connection.checking") : t("connection.lost")}</p>
          <button type="button" onClick={retry} disabled={checking}>
            {t("connection.retry")}
          </button>
        </div>
      )}
    </div>
  );
}
