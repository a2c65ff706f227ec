import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../app/session.js";
import { useRoute, type Route } from "../app/router.js";
import { capabilitiesOf, mayVisit } from "../app/roles.js";
import { ReferenceProvider } from "../app/reference.js";
import { Header } from "./Header.js";
import { ConnectionBanner } from "./components/ConnectionBanner.js";
import { SignIn } from "./screens/SignIn.js";
import { Enroll } from "./screens/Enroll.js";
import { Home } from "./screens/Home.js";
import { Nominate } from "./screens/Nominate.js";
import { Nominations } from "./screens/Nominations.js";
import { People } from "./screens/People.js";
import { Revetting } from "./screens/Revetting.js";
import { Audit } from "./screens/Audit.js";
import { Directory } from "./screens/Directory.js";
import { Events } from "./screens/Events.js";

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { state } = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => { document.documentElement.lang = i18n.language; }, [i18n.language]);
  // After in-app navigation, move focus to the new screen so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    main.current?.focus();
  }, [route]);

  return (
    <>
      <a className="skip" href="#/" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>{t("app.skipToContent")}</a>
      <Header route={route} />
      <ConnectionBanner />
      <main id="main" ref={main} tabIndex={-1}>
        {route.name === "enroll" ? <Enroll token={route.token} />
          : state.status === "loading" ? <p role="status">{t("app.loading")}</p>
          : state.status === "signed-out" ? <SignIn reason={state.reason} />
          : <ReferenceProvider><Screen route={route} /></ReferenceProvider>}
      </main>
    </>
  );
}

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status !== "signed-in") return null;
  if (!mayVisit(capabilitiesOf(state.session), route)) return <Missing text={t("app.notAllowed")} />;
  switch (route.name) {
    case "home": return <Home />;
    case "state": return <Nominate />;
    case "nominations": return <Nominations />;
    case "people": return <People />;
    case "revetting": return <Revetting />;
    case "audit": return <Audit />;
    case "directory": return <Directory />;
    case "events": return <Events />;
    default: return <Missing text={t("app.notFound")} />;
  }
}

function Missing({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <p>{text}</p>
      <a href="#/">{t("app.backHome")}</a>
    </section>
  );
}
