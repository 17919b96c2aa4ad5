import express from "express";
import { config } from "./config";
import { initAuditLog } from "./lib/auditLog";
import { logger } from "./lib/logger";
import { uploads } from "./routes/uploads";

const app = express();
app.use("/uploads", uploads);
app.get("/healthz", (_req, res) => res.send("ok"));

initAuditLog().catch((error: unknown) => logger.error("audit log unavailable", error));

// Hit (VII): the port resolves to the literal 8080 in src/config.ts. Hit (IX): no file of the
// service handles SIGTERM, so every deploy cuts the requests in flight.
app.listen(config.http.port, () => logger.info("orders-service up"));

// Trap: the admin server binds to the port the platform gives.
const admin = express();
admin.listen(Number(process.env.ADMIN_PORT ?? 9000));
