import Redis from "ioredis";

// Hit (X): production caches in Redis, development in a Map inside the process, so the two
// environments behave differently (eviction, sharing between instances, restarts).
export const cache = process.env.NODE_ENV === "production" ? new Redis(process.env.REDIS_URL as string) : new Map<string, string>();

// Trap: a branch on NODE_ENV that only changes the log level.
export const cacheLogLevel = process.env.NODE_ENV === "production" ? "warn" : "debug";
