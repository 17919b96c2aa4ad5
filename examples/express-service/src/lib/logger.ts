import winston from "winston";

// Hit: logs routed to a file inside the container; they vanish with it.
export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? "info",
  transports: [new winston.transports.Console(), new winston.transports.File({ filename: "logs/app.log" })],
});
