import { useTranslation } from "react-i18next";
import { useSession } from "../app/session.js";
import { capabilitiesOf, mayVisit } from "../app/roles.js";
import { NAV, navHref, type Route } from "../app/router.js";
import { LanguageSwitcher } from "./components/LanguageSwitcher.js";

export function Header({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const session = state.status === "signed-in" ? state.session : null;
  const caps = session ? capabilitiesOf(session) : null;
  return (
    <header className="top">
      <div className="bar">
        <a className="brand" href="#/">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </a>
        <div className="bar-end">
          <LanguageSwitcher />
          {session && (
            <>
              <span className="who">{t("app.signedInAs", { name: session.person.fullName })}</span>
              <button type="button" onClick={() => void signOut()}>
                {t("app.signOut")}
              </button>
            </>
          )}
        </div>
      </div>
      {caps && (
        <nav aria-label={t("app.mainNav")} className="nav">
          <ul>
            {NAV.filter((name) => mayVisit(caps, { name })).map((name) => (
              <li key={name}>
                <a href={navHref(name)} aria-current={route.name === name ? "page" : undefined}>
                  {t(`nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
