import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createApi } from "./api/client.js";
import { ApiProvider } from "./app/api-context.js";
import { ConnectionProvider } from "./app/connection.js";
import { SessionProvider } from "./app/session.js";
import { MatrixClientProvider } from "./matrix/MatrixClientContext.js";
import { createI18n, initialLanguage } from "./i18n/index.js";
import { App } from "./ui/App.js";
import { registerServiceWorker } from "./notify/register.js";
import "./ui/styles.css";

// The composition root: every long-lived object is created here and handed down through context.
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const i18n = createI18n(initialLanguage(storage(), navigator.languages));
const api = createApi();
registerServiceWorker();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <ConnectionProvider>
          <SessionProvider>
            <MatrixClientProvider>
              <App />
            </MatrixClientProvider>
          </SessionProvider>
        </ConnectionProvider>
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
