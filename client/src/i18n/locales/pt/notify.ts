import type { Messages } from "../en/index.js";

export const notify: Messages["notify"] = {
  link: "Notificações",
  title: "Notificações",
  intro:
    "O Enlace avisa quando um comunicado aguarda a sua confirmação de recebimento ou quando chega um alerta urgente. As notificações nunca contêm o conteúdo: apenas o programa, o número do comunicado e a sala.",
  loadFailed: "Não foi possível carregar as suas configurações de notificação.",
  push: {
    heading: "Neste dispositivo",
    explain: "Receba uma notificação neste dispositivo mesmo com o Enlace fechado. O navegador pedirá a sua permissão.",
    enable: "Ativar as notificações neste dispositivo",
    disable: "Desativar neste dispositivo",
    on: "As notificações estão ativadas neste dispositivo.",
    off: "As notificações estão desativadas neste dispositivo.",
    denied: "O seu navegador bloqueia as notificações do Enlace. Permita-as nas configurações do site no navegador e volte aqui.",
    unsupported: "Este navegador não pode receber notificações. Num telefone, adicione primeiro o Enlace à tela inicial.",
    needsMessaging: "Configure primeiro a mensagem segura neste dispositivo; as notificações passam então a seguir este dispositivo.",
    browserFailed: "o serviço de notificações do navegador não aceitou a inscrição. Tente mais tarde ou noutro navegador.",
    failed: "Não foi possível ativar as notificações: {{reason}}",
  },
  channels: {
    legend: "Como contatá-lo",
    push: "Notificações nos meus dispositivos",
    email: "E-mail para o meu endereço de trabalho",
  },
  quiet: {
    legend: "Horas de silêncio",
    enable: "Reter as notificações durante as horas de silêncio",
    start: "De",
    end: "Até",
    timeZone: "Os horários estão no seu fuso horário: {{zone}}",
    override: "Alertas críticos e prazos de confirmação chegam mesmo durante as horas de silêncio.",
  },
  language: "Idioma das notificações e dos e-mails",
  save: "Salvar as configurações",
  saving: "Salvando…",
  saved: "Configurações salvas.",
  sound: {
    legend: "Som",
    enable: "Tocar um som curto quando chegar conteúdo urgente com o Enlace aberto",
    test: "Ouvir o som",
    note: "Esta opção fica guardada apenas neste dispositivo.",
  },
  urgent: {
    sentNotTold: "Enviado. Não foi possível notificar agora os outros membros; eles verão o alerta ao abrir a sala.",
  },
  fallback: {
    title: "Enlace",
    body: "Há novidades para você no Enlace.",
  },
};
