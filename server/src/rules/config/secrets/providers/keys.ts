import { JWT_SHAPE, decodeJwt, jwtRole } from "../jwt";
import { PEM_PRIVATE_KEY } from "./tokenPattern";
import { provider, type ProviderFormat } from "./types";

/** Key material and self-describing tokens that belong to no single provider. Tried last. */
export const KEY_FORMATS: readonly ProviderFormat[] = [
  // PGP armour ends its marker with ` BLOCK-----`, so the anchor stops before the dashes.
  provider("private-key", "private key block (PEM)", "PRIVATE_KEY", "PRIVATE KEY", PEM_PRIVATE_KEY, { whole: true }),
  provider("supabase-service-role-key", "Supabase service-role key (JWT)", "SUPABASE_SERVICE_ROLE_KEY", "eyJ", JWT_SHAPE, {
    check: (token) => jwtRole(token) === "service_role",
    trigger: "eyJ[A-Za-z0-9_-]{10,}\\.ey",
  }),
  // Supabase anon keys (role "anon") are public by design; see NOT_SECRET_FORMATS.
  provider("jwt", "JSON Web Token", "ACCESS_TOKEN", "eyJ", JWT_SHAPE, {
    check: (token) => decodeJwt(token) !== undefined && jwtRole(token) !== "anon",
    trigger: "eyJ[A-Za-z0-9_-]{10,}\\.ey",
  }),
];
