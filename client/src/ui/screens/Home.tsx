import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../app/session.js";
import { capabilitiesOf, mayVisit } from "../../app/roles.js";
import { NAV, navHref } from "../../app/router.js";
import { useReference } from "../../app/reference.js";
import { useFormat } from "../../i18n/format.js";
import { RoleList, StatusBadge } from "../components/bits.js";

// Messaging (matrix-js-sdk and its Rust crypto) loads after sign-in, on its own.
const HomeMessaging = lazy(() => import("../../matrix/HomeMessaging.js").then((m) => ({ default: m.HomeMessaging })));

// What the control plane knows about the person, then their rooms, acknowledgements due and alerts.
export function Home() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const fmt = useFormat();
  const { programName } = useReference();
  const caps = capabilitiesOf(session);
  const { person } = session;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t("home.title", { name: person.fullName })}</h1>
      <Suspense
        fallback={
          <p className="muted" role="status">
            {t("matrix.connecting")}
          </p>
        }
      >
        <HomeMessaging />
      </Suspense>
      <div className="grid">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">{t("home.profile")}</h2>
          <dl className="facts">
            <dt>{t("home.email")}</dt>
            <dd>{person.email}</dd>
            <dt>{t("home.memberState")}</dt>
            <dd>{person.memberState ? fmt.region(person.memberState) : t("home.secretariat")}</dd>
            <dt>{t("home.status")}</dt>
            <dd>
              <StatusBadge status={person.status} />
            </dd>
            <dt>{t("home.roles")}</dt>
            <dd>
              <RoleList roles={person.roles} />
            </dd>
            <dt>{t("home.programs")}</dt>
            <dd>{caps.programs.length ? fmt.list(caps.programs.map(programName)) : t("home.none")}</dd>
            <dt>{t("home.secondFactor")}</dt>
            <dd>{person.totpEnabled ? t("home.secondFactorOn") : t("home.secondFactorOff")}</dd>
            <dt>{t("home.sessionUntil")}</dt>
            <dd>{fmt.dateTime(session.expiresAt)}</dd>
          </dl>
        </section>
        <nav className="panel" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">{t("home.shortcuts")}</h2>
          <ul className="shortcuts">
            {NAV.filter((name) => name !== "home" && mayVisit(caps, { name })).map((name) => (
              <li key={name}>
                <a href={navHref(name)}>{t(`nav.${name}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </section>
  );
}
