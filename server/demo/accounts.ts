import type { RoleGrant } from "../domain/auth/principal.js";

export interface DemoAccount {
  email: string;
  fullName: string;
  memberState: string | null;
  roles: RoleGrant[];
  label: string;
  expertise?: { areas: string[]; languages: string[] };
}

const r = (role: RoleGrant["role"], memberState: string | null = null, program: string | null = null): RoleGrant => ({ role, memberState, program });

// One account per role, enough to walk the whole story: nominate, approve, advise, acknowledge.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { label: "Secretariat administrator", email: "admin@demo.enlace.test", fullName: "Alicia Admin", memberState: null, roles: [r("secretariat_admin")] },
  {
    label: "Secretariat officer (tourism, crowded spaces)",
    email: "officer@demo.enlace.test",
    fullName: "Oscar Officer",
    memberState: null,
    roles: [r("secretariat_officer", null, "tourism"), r("secretariat_officer", null, "crowded-spaces")],
  },
  {
    label: "Secretariat officer (crowded spaces, cybersecurity)",
    email: "officer2@demo.enlace.test",
    fullName: "Olga Officer",
    memberState: null,
    roles: [r("secretariat_officer", null, "crowded-spaces"), r("secretariat_officer", null, "cybersecurity")],
  },
  {
    label: "National coordinator (Chile)",
    email: "coordinator.cl@demo.enlace.test",
    fullName: "Camila Coordinadora",
    memberState: "CL",
    roles: [r("national_coordinator", "CL")],
  },
  {
    label: "Focal point (Chile, tourism)",
    email: "focal.cl@demo.enlace.test",
    fullName: "Felipe Focal",
    memberState: "CL",
    roles: [r("focal_point", "CL", "tourism"), r("focal_point", "CL", "crowded-spaces")],
    expertise: { areas: ["stadium security", "crowd management"], languages: ["es", "en"] },
  },
  {
    label: "Focal point (Jamaica, tourism)",
    email: "focal.jm@demo.enlace.test",
    fullName: "Janelle Focal",
    memberState: "JM",
    roles: [r("focal_point", "JM", "tourism"), r("focal_point", "JM", "crowded-spaces")],
    expertise: { areas: ["cricket venues", "tourist site protection"], languages: ["en"] },
  },
  {
    label: "Alternate (Brazil, crowded spaces)",
    email: "alternate.br@demo.enlace.test",
    fullName: "Bruno Alterno",
    memberState: "BR",
    roles: [r("alternate", "BR", "crowded-spaces")],
    expertise: { areas: ["major events", "counter-drone"], languages: ["pt", "es"] },
  },
];

export const DEMO_PASSWORD = "enlace-demo-2026";
