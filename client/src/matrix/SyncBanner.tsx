import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useMatrix } from "./MatrixClientContext.js";
import type { SyncHealth } from "./sync-health.js";

/** Says so while the homeserver cannot be reached; the messages come in by themselves once it can. */
export function SyncBanner() {
  const { sync } = useMatrix();
  return (
    <div className="live" aria-live="assertive">
      {sync && <Lost sync={sync} />}
    </div>
  );
}

function Lost({ sync }: { sync: SyncHealth }) {
  const { t } = useTranslation();
  const reach = useSyncExternalStore(sync.subscribe, sync.get);
  if (reach === "ok") return null;
  return (
    <div className="banner" role="alert" data-testid="homeserver-lost">
      <p>{t("connection.homeserverLost")}</p>
      <button type="button" onClick={() => sync.retryNow()}>
        {t("connection.retry")}
      </button>
    </div>
  );
}
