import type { Messages } from "../en/index.js";

export const matrix: Messages["matrix"] = {
  connecting: "Conectando à mensageria segura…",
  setupTitle: "Configurar a mensageria segura",
  setupText:
    "Antes de ler e enviar mensagens criptografadas, esta conta precisa de suas chaves de criptografia e de uma chave de recuperação. Leva um momento e é feito uma única vez.",
  setupAction: "Configurar agora",
  restoreTitle: "Este dispositivo é novo",
  restoreText:
    "Sua conta já tem chaves de criptografia. Digite sua chave de recuperação para usar a mensageria segura neste dispositivo e ler as mensagens anteriores.",
  restoreAction: "Usar minha chave de recuperação",
  reconnectingOffline: "A mensagem segura não consegue alcançar o servidor neste momento. O Enlace mantém este dispositivo e tenta de novo sozinho.",
  reconnectingRateLimited: "O servidor de mensagens pediu ao Enlace que aguarde um momento. Este dispositivo é mantido; o Enlace reconecta sozinho em breve.",
  reconnectNow: "Tentar agora",
  deviceReplaced:
    "Este navegador tinha sido desconectado da mensagem segura no servidor (a partir de outro dispositivo ou por um administrador), por isso agora tem um dispositivo novo.",
  error: {
    "no-homeserver": "A mensageria segura não está disponível neste servidor.",
    "foreign-account": "Sua conta de mensageria está no servidor do seu próprio Estado: use o cliente Matrix do seu Estado.",
    "other-tab": "O Enlace está aberto em outra aba deste navegador. Use essa aba, ou feche-a e tente novamente aqui.",
    failed: "Não foi possível abrir a mensageria segura. Verifique sua conexão e tente novamente.",
  },
};
