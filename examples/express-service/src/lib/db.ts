import { Pool } from "pg";

// Hit: a database password written into the code (a password slot of a known client).
export const pool = new Pool({
  host: process.env.DB_HOST ?? "localhost",
  user: "orders",
  password: "v7Gq-2mXr-Lz9p",
  database: "orders",
});

// Trap: credentials from the environment.
export const replica = new Pool({ connectionString: process.env.REPLICA_URL });
