// Central configuration. Most of it reads the environment; one value slipped through.
export const config = {
  databaseUrl: process.env.DATABASE_URL ?? "postgres://localhost:5432/orders",
  // Trap: read from the environment, never flagged.
  jwtSecret: process.env.JWT_SECRET,
  http: {
    // Hit: a hardcoded port, used by src/server.ts through this object.
    port: 8080,
  },
};

// Trap: the NAME of an environment variable is not a secret.
export const STRIPE_KEY_VARIABLE = "STRIPE_SECRET_KEY";
