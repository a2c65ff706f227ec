import type { Messages } from "../en/index.js";

export const connection: Messages["connection"] = {
  lost: "A conexão com o Enlace foi perdida. Nada do que você digitou se perdeu; continuamos tentando.",
  checking: "Verificando a conexão…",
  retry: "Tentar agora",
  homeserverLost: "A mensageria segura não consegue alcançar o seu servidor. As novas mensagens aparecerão quando ele voltar; continuamos tentando.",
};
