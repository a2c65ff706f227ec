import { lazy, Suspense, useEffect, useRef, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../app/session.js";
import { useRoute, type Route } from "../app/router.js";
import { capabilitiesOf, mayVisit } from "../app/roles.js";
import { ReferenceProvider } from "../app/reference.js";
import { Header } from "./Header.js";
import { ConnectionBanner } from "./components/ConnectionBanner.js";
import { SyncBanner } from "../matrix/SyncBanner.js";
import { AttentionSignals } from "../notify/AttentionSignals.js";
import { SignIn } from "./screens/SignIn.js";
import { Enroll } from "./screens/Enroll.js";
import { Home } from "./screens/Home.js";
import { Nominate } from "./screens/Nominate.js";
import { Nominations } from "./screens/Nominations.js";
import { People } from "./screens/People.js";
import { Revetting } from "./screens/Revetting.js";
import { Audit } from "./screens/Audit.js";
import { Directory } from "./screens/Directory.js";
import { Conversations } from "./screens/Conversations.js";
import { Events } from "./screens/Events.js";
import { Account } from "./screens/Account.js";
import { Notifications } from "./screens/Notifications.js";

// Messaging screens carry matrix-js-sdk and the crypto bindings: loaded when first visited.
const named = <K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const Room = named(() => import("./screens/Room.js"), "Room");
const Coverage = named(() => import("./screens/Coverage.js"), "Coverage");
const FirstRun = named(() => import("./screens/FirstRun.js"), "FirstRun");
const Restore = named(() => import("./screens/Restore.js"), "Restore");
const Library = named(() => import("./screens/Library.js"), "Library");
const Incident = named(() => import("./screens/Incident.js"), "Incident");
const EventExpertise = named(() => import("./screens/EventExpertise.js"), "EventExpertise");

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { state } = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  // After in-app navigation, move focus to the new screen so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route]);

  return (
    <>
      <Header
        route={route}
        // Inside the header's banner landmark, not before it: axe (region) wants all content in a
        // landmark, and recognises a skip link only by an href naming an element, which hash routing rules out.
        skip={
          // biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; with hash routing its href cannot name #main, so the click moves focus itself
          <a
            className="skip"
            href="#/"
            onClick={(e) => {
              e.preventDefault();
              main.current?.focus();
            }}
          >
            {t("app.skipToContent")}
          </a>
        }
      />
      <ConnectionBanner />
      <SyncBanner />
      <AttentionSignals />
      <main id="main" ref={main} tabIndex={-1}>
        {route.name === "enroll" ? (
          <Enroll token={route.token} />
        ) : state.status === "loading" ? (
          <p role="status">{t("app.loading")}</p>
        ) : state.status === "signed-out" ? (
          <SignIn reason={state.reason} />
        ) : state.session.person.totpSetupRequired ? (
          // The server answers nothing else until the required second factor is set up.
          <Account />
        ) : (
          <ReferenceProvider>
            <Suspense fallback={<p role="status">{t("app.loading")}</p>}>
              <Screen route={route} />
            </Suspense>
          </ReferenceProvider>
        )}
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
    case "home":
      return <Home />;
    case "state":
      return <Nominate />;
    case "nominations":
      return <Nominations />;
    case "people":
      return <People />;
    case "revetting":
      return <Revetting />;
    case "audit":
      return <Audit />;
    case "directory":
      return <Directory />;
    case "conversations":
      return <Conversations />;
    case "events":
      return <Events />;
    case "library":
      return <Library />;
    case "setup":
      return <FirstRun />;
    case "restore":
      return <Restore />;
    case "notifications":
      return <Notifications />;
    case "account":
      return <Account />;
    case "room":
      return <Room key={route.roomId} roomId={route.roomId} />;
    case "coverage":
      return <Coverage key={`${route.roomId} ${route.eventId}`} roomId={route.roomId} eventId={route.eventId} />;
    case "incident":
      return <Incident key={`${route.roomId} ${route.eventId}`} roomId={route.roomId} eventId={route.eventId} />;
    case "event-expertise":
      return <EventExpertise key={route.eventId} eventId={route.eventId} />;
    default:
      return <Missing text={t("app.notFound")} />;
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
