// Deterministic ~2,000-line service files for the per-file benchmark: the kind of module a
// developer keeps open (routers, services, config, logging, file handling), not minified output.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const HEADER = `import express, { type Request, type Response, type NextFunction } from "express";
import winston from "winston";
import fs from "node:fs";
import { promises as fsp } from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { EventEmitter } from "node:events";

export interface Page<T> { items: T[]; total: number; cursor?: string }
export type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>;
`;

const router = (i) => `
export interface Order${i} { id: string; customerId: string; lines: Array<{ sku: string; qty: number; price: number }>; status: "open" | "paid" | "shipped"; createdAt: Date }

export const orders${i}Router = express.Router();

orders${i}Router.get("/orders${i}", async (req: Request, res: Response) => {
  const limit = Math.min(Number(req.query.limit ?? 20), 100);
  const cursor = typeof req.query.cursor === "string" ? req.query.cursor : undefined;
  try {
    const page = await orderService${i}.list({ limit, cursor });
    res.json(page);
  } catch (error) {
    logger.error("listing orders failed", { error, route: "/orders${i}" });
    res.status(500).json({ error: "internal" });
  }
});

orders${i}Router.post("/orders${i}", async (req: Request, res: Response) => {
  const body = req.body as Partial<Order${i}>;
  if (!body.customerId || !Array.isArray(body.lines) || body.lines.length === 0) {
    res.status(400).json({ error: "customerId and lines are required" });
    return;
  }
  const total = body.lines.reduce((sum, line) => sum + line.qty * line.price, 0);
  const order = await orderService${i}.create({ customerId: body.customerId, lines: body.lines, total });
  res.status(201).json(order);
});
`;

const service = (i) => `
export class OrderService${i} extends EventEmitter {
  private readonly cache = new Map<string, Order${i}>();

  constructor(private readonly baseUrl: string = process.env.ORDERS_URL ?? "http://localhost:8080") {
    super();
  }

  async list(options: { limit: number; cursor?: string }): Promise<Page<Order${i}>> {
    const url = new URL("/v1/orders", this.baseUrl);
    url.searchParams.set("limit", String(options.limit));
    if (options.cursor) url.searchParams.set("cursor", options.cursor);
    const response = await fetch(url, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(\`orders service answered \${response.status}\`);
    const page = (await response.json()) as Page<Order${i}>;
    for (const item of page.items) this.cache.set(item.id, item);
    return page;
  }

  async create(input: { customerId: string; lines: Order${i}["lines"]; total: number }): Promise<Order${i}> {
    const order: Order${i} = { id: crypto.randomUUID(), customerId: input.customerId, lines: input.lines, status: "open", createdAt: new Date() };
    this.cache.set(order.id, order);
    this.emit("created", order);
    return order;
  }

  byStatus(status: Order${i}["status"]): Order${i}[] {
    return [...this.cache.values()].filter((order) => order.status === status).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}

export const orderService${i} = new OrderService${i}();
`;

const config = (i) => `
export const settings${i} = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL ?? "",
  redisUrl: process.env.REDIS_URL,
  uploadsDir: process.env.UPLOADS_DIR ?? path.join(process.cwd(), "uploads"),
  features: {
    search: process.env.FEATURE_SEARCH === "true",
    exports: process.env.FEATURE_EXPORTS !== "false",
    batchSize: Number.parseInt(process.env.BATCH_SIZE ?? "50", 10),
  },
} as const;

export function requireSetting${i}(name: keyof typeof settings${i}): string {
  const value = settings${i}[name];
  if (value === undefined || value === "") throw new Error(\`missing setting \${String(name)}\`);
  return String(value);
}
`;

const files = (i) => `
export async function saveUpload${i}(name: string, data: Buffer): Promise<string> {
  const safeName = path.basename(name).replace(/[^a-zA-Z0-9._-]/g, "_");
  const target = path.join(settings${i}.uploadsDir, \`\${Date.now()}-\${safeName}\`);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await fsp.writeFile(target, data);
  return target;
}

export function readTemplate${i}(templateName: string): string {
  const file = path.join(__dirname, "templates", \`\${templateName}.html\`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "<p>{{body}}</p>";
}

export function render${i}(templateName: string, values: Record<string, string>): string {
  return readTemplate${i}(templateName).replace(/\\{\\{(\\w+)\\}\\}/g, (_match, key: string) => values[key] ?? "");
}
`;

const logging = (i) => `
export const logger${i} = winston.createLogger({
  level: process.env.LOG_LEVEL ?? "info",
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: "orders-${i}" },
  transports: [new winston.transports.Console()],
});

export function requestLogger${i}(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger${i}.info("request", { method: req.method, path: req.path, status: res.statusCode, ms });
  });
  next();
}
`;

const mapping = (i) => `
export function summarize${i}(orders: Order${i}[]): Record<string, { count: number; revenue: number }> {
  const summary: Record<string, { count: number; revenue: number }> = {};
  for (const order of orders) {
    const key = order.status;
    const revenue = order.lines.reduce((sum, line) => sum + line.qty * line.price, 0);
    const entry = summary[key] ?? { count: 0, revenue: 0 };
    entry.count += 1;
    entry.revenue += revenue;
    summary[key] = entry;
  }
  return summary;
}

export function statusLabel${i}(status: Order${i}["status"]): string {
  switch (status) {
    case "open":
      return "Waiting for payment";
    case "paid":
      return "Paid, preparing shipment";
    case "shipped":
      return "On its way";
    default:
      return "Unknown";
  }
}
`;

const middleware = (i) => `
export const authenticate${i}: Handler = async (req, res, next) => {
  const header = req.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : undefined;
  if (!token) {
    res.status(401).json({ error: "missing token" });
    return;
  }
  const expected = crypto.createHmac("sha256", process.env.TOKEN_SECRET ?? "").update(token.split(".")[0] ?? "").digest("hex");
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(token.split(".")[1] ?? ""))) {
    res.status(403).json({ error: "bad token" });
    return;
  }
  next();
};
`;

const worker = (i) => `
export async function withRetries${i}<T>(task: () => Promise<T>, attempts = 5, delayMs = 200): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
`;

const SECTIONS = [router, service, config, files, logging, mapping, middleware, worker];
const FOOTER = `
const app = express();
app.use(express.json());
export const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.listen(Number(process.env.PORT ?? 3000), () => logger.info("listening"));
`;

/** Writes `count` files of about `targetLines` lines each; returns their paths. */
export function writeLargeFiles(dir, count = 4, targetLines = 2000) {
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (let file = 0; file < count; file++) {
    const parts = [HEADER];
    let lines = HEADER.split("\n").length + FOOTER.split("\n").length;
    for (let i = 0; lines < targetLines; i++) {
      // A different rotation per file, so the files are not one text repeated.
      const section = SECTIONS[(i + file * 3) % SECTIONS.length](`${file}_${i}`);
      parts.push(section);
      lines += section.split("\n").length - 1;
    }
    parts.push(FOOTER);
    const target = path.join(dir, `service${file}.ts`);
    writeFileSync(target, parts.join(""));
    written.push(target);
  }
  return written;
}
