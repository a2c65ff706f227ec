import type { Messages } from "../en/index.js";

export const decryption: Messages["decryption"] = {
  kind: "Mensagem cifrada",
  state: {
    "waiting-for-key": "Aguardando a chave de {{sender}}.",
    "before-joined": "Enviada antes de você entrar nesta sala; o histórico não foi compartilhado com você.",
    "before-device": "Enviada antes de este dispositivo ser configurado, e nenhum backup de chaves guarda a chave.",
    "backup-locked": "Enviada antes de este dispositivo ser configurado. Restaure o backup de chaves com sua chave de recuperação para lê-la.",
    withheld: "O dispositivo de {{sender}} não compartilhou a chave desta mensagem com este dispositivo.",
    "this-device-unverified": "Seu dispositivo não estava verificado quando isto foi enviado, por isso a chave não foi compartilhada com ele.",
    "sender-device-unverified": "O dispositivo do remetente não foi verificado pelo titular, por isso esta mensagem não é exibida.",
    "sender-identity-changed": "A identidade do remetente mudou desde a verificação, por isso esta mensagem não é exibida.",
    unknown: "Não foi possível decifrar esta mensagem neste dispositivo.",
  },
  retrying: "Ela aparecerá aqui assim que a chave chegar.",
  technical: "Detalhes técnicos",
  notTheSender: "O problema é a chave, não o remetente.",
  trust: {
    keyOrigin: "origem da chave não confirmada",
    keyOriginHint:
      "Esta mensagem foi lida com uma chave restaurada do seu backup, e o dispositivo de envio não a assinou, então este dispositivo não pode confirmar quem a enviou. Nada indica que o remetente tenha feito algo errado.",
  },
};
