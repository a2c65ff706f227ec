import type { Messages } from "../en/index.js";

export const firstRun: Messages["firstRun"] = {
  title: "Configurar a mensageria segura",
  intro:
    "O Enlace criará sua identidade de criptografia: chaves que comprovam que suas mensagens vêm de você e um backup criptografado das chaves das suas conversas.",
  keyComing: "Em seguida você verá sua chave de recuperação, uma única vez. Tenha à mão um lugar seguro para anotá-la ou guardá-la offline.",
  start: "Criar minhas chaves e minha chave de recuperação",
  working: "Configurando a criptografia…",
  failed: "A configuração não foi concluída. Tente novamente; nada foi perdido.",
  alreadyDone: "A mensageria segura já está configurada neste dispositivo.",
  keyTitle: "Sua chave de recuperação",
  keyWhy: "Esta chave é a única forma de ler suas mensagens criptografadas em um dispositivo novo ou se você perder este.",
  keyOffline: "Guarde-a offline: impressa e trancada, ou em um gerenciador de senhas de confiança. Nunca a envie por e-mail ou chat.",
  keyNobody: "Ninguém pode recuperá-la por você: nem a Secretaria, nem os administradores do Enlace.",
  keyOnce: "Ela só é mostrada agora.",
  keyLabel: "Chave de recuperação",
  copy: "Copiar a chave",
  copied: "Copiada.",
  copyFailed: "Não foi possível copiar: selecione a chave e copie-a manualmente.",
  confirm: "Guardei minha chave de recuperação em um lugar seguro",
  continue: "Continuar",
  restoreTitle: "Usar a mensageria segura neste dispositivo",
  restoreIntro: "Sua conta já tem chaves de criptografia. Digite a chave de recuperação que você guardou ao configurar o Enlace pela primeira vez.",
  restoreHint: "Os espaços não importam.",
  restoreSubmit: "Restaurar neste dispositivo",
  restoring: "Restaurando…",
  restoreMalformed: "Esta não é uma chave de recuperação válida. Verifique se há erros de digitação.",
  restoreWrong: "Esta chave de recuperação não corresponde à sua conta.",
  restoreDone: "Este dispositivo está configurado para a mensageria segura.",
  restoreLost:
    "Perdeu sua chave de recuperação? Contate a Secretaria: suas mensagens anteriores não podem ser recuperadas, mas você pode recomeçar com chaves novas.",
};
