import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../app/session.js";
import { capabilitiesOf, mayVisit } from "../app/roles.js";
import { NAV, navHref, type Route } from "../app/router.js";
import { LanguageSwitcher } from "./components/LanguageSwitcher.js";

/**
 * The blue bar and the navigation. On a phone (styles.css, max-width 760px) the bar is one line and the
 * rest (language, who is signed in, notifications, sign-out, the navigation) sits behind a disclosure
 * button; on a laptop the button is not shown and everything is always visible. `skip` (App's skip
 * link) comes first inside the banner, so every piece of the page is in a landmark.
 */
export function Header({ route, skip }: { route: Route; skip?: ReactNode }) {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const session = state.status === "signed-in" ? state.session : null;
  const caps = session ? capabilitiesOf(session) : null;
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const barId = useId();
  const navId = useId();

  // Choosing a screen closes the menu (the links close it too, for the screen already shown); App then moves focus to the new screen.
  useEffect(() => setOpen(false), [route]);
  // Escape closes it from anywhere and gives focus back to the button, so the person is not left inside a hidden panel.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <header className={open ? "top menu-open" : "top"}>
      {skip}
      <div className="bar">
        <a className="brand" href="#/">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </a>
        <button
          ref={toggle}
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls={caps ? `${barId} ${navId}` : barId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="menu-icon" />
          {t("app.menu")}
        </button>
        <div className="bar-end" id={barId}>
          <LanguageSwitcher />
          {session && (
            <>
              <span className="who">{t("app.signedInAs", { name: session.person.fullName })}</span>
              <a className="bar-link" href="#/notifications" aria-current={route.name === "notifications" ? "page" : undefined}>
                {t("notify.link")}
              </a>
              <a className="bar-link" href="#/account" aria-current={route.name === "account" ? "page" : undefined}>
                {t("account.link")}
              </a>
              <button type="button" onClick={() => void signOut()}>
                {t("app.signOut")}
              </button>
            </>
          )}
        </div>
      </div>
      {caps && (
        <nav aria-label={t("app.mainNav")} className="nav" id={navId}>
          <ul>
            {NAV.filter((name) => mayVisit(caps, { name })).map((name) => (
              <li key={name}>
                <a href={navHref(name)} aria-current={route.name === name ? "page" : undefined} onClick={() => setOpen(false)}>
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
