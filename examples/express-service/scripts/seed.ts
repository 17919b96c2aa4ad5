import { writeFileSync } from "node:fs";

// Trap: a one-off script may write local files (it is not the app's runtime state).
writeFileSync("seed-output.json", JSON.stringify({ seeded: true }));
