// Conversas diretas cifradas entre duas pessoas habilitadas.
export const conversations = {
  title: "Conversas",
  intro: "Conversas diretas com outra pessoa habilitada, cifradas de ponta a ponta. Inicie uma com “Contatar” no diretório de especialistas.",
  direct: "Conversa direta",
  none: "Ainda não há conversas.",
  with: "Conversa com {{name}}",
  waiting: "Aguardando {{name}} entrar na conversa…",
  open: "Abrir",
  preparing: "Em preparação…",
  notVetted: "Não está mais habilitada: saiu desta conversa.",
  startedOn: "Iniciada em {{date}}",
  contact: "Contatar",
  contactLabel: "Contatar {{name}} em uma conversa direta",
  opening: "Abrindo a conversa…",
  slow: "A conversa está sendo preparada. Ela aparecerá em Conversas em instantes.",
  you: "É você.",
  noAccount: "Ainda sem conta de mensagens seguras.",
};
