import type { Messages } from "../en/index.js";

export const audit: Messages["audit"] = {
  title: "Registro de auditoría",
  verify: "Verificar el registro de auditoría",
  verifying: "Verificando la cadena de hashes y las firmas…",
  ok: "Verificado: {{entries}} entradas, cadena de hashes intacta, último punto de control firmado en la entrada {{checkpoint}}.",
  okNoCheckpoint: "Verificado: {{entries}} entradas, cadena de hashes intacta; aún no hay punto de control firmado.",
  broken: "La verificación falló en la entrada {{seq}}: {{problem}}",
  seq: "N.º",
  at: "Hora",
  actor: "Autor",
  action: "Acción",
  subject: "Objeto",
  more: "Cargar más",
  empty: "No hay entradas.",
};
