import type { Messages } from "../en/index.js";

export const delivery: Messages["delivery"] = {
  counting: "Contando quem recebeu a chave…",
  sent: "Chave enviada a {{people}} ({{devices}})",
  people_one: "{{count}} pessoa",
  people_other: "{{count}} pessoas",
  devices_one: "{{count}} dispositivo",
  devices_other: "{{count}} dispositivos",
  away_one: "{{count}} delas está ausente: guardada para o próximo acesso",
  away_other: "{{count}} delas estão ausentes: guardada para o próximo acesso",
  withheld_one: "{{count}} retido: {{reasons}}",
  withheld_other: "{{count}} retidos: {{reasons}}",
  reasons: {
    notCrossSigned: "sem assinatura cruzada",
    noDevice: "ainda sem dispositivo",
  },
  unreached_one: "{{count}} pessoa ainda não pode lê-lo",
  unreached_other: "{{count}} pessoas ainda não podem lê-lo",
  help: "As chaves da sala vão apenas para dispositivos que o titular assinou de forma cruzada. Quem é aprovado depois recebe o histórico da sala de avisos a partir do dispositivo de um oficial da Secretaria.",
  inRoom: "Na sala",
  canRead: "Podem ler",
  acknowledgedPeople: "Confirmaram",
  nobodyCanRead: "Ninguém pode lê-lo",
  readersHelp:
    "“Podem ler”: pessoas com um dispositivo com assinatura cruzada, ou que confirmaram o recebimento. Um Estado cujas pessoas não podem ler o aviso aparece assim, não como pendente.",
};
