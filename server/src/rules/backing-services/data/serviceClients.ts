import type { ServiceKind } from "../../shared/backingServices";

/**
 * Where a backing service's host is handed to its client. Connection URLs need no row: every
 * URL literal with a service scheme is reported where it is written. A new client is a new row.
 */
export interface ClientSink {
  /** For messages: how the user knows this call. */
  label: string;
  /** The service, when the client alone says it; ORMs say it in their options. */
  kind?: ServiceKind;
  module: string;
  /** Member paths of the callee (`[]`: the module itself, e.g. `new Redis()` from ioredis). */
  paths: ReadonlyArray<readonly string[]>;
  /** Which argument holds the options; -1 is the last one (Sequelize's `(db, user, pw, options)`). */
  argument: number;
  /** Option paths whose value is a host name. */
  hosts: ReadonlyArray<readonly string[]>;
  /** Option path of a list of `host:port` addresses (kafkajs `brokers`, nats `servers`). */
  addresses?: readonly string[];
  /** The variable that list belongs in. */
  addressesEnv?: string;
  /** `new Redis(6379, "localhost")`: the host is argument `index` when argument `after` is a number. */
  positionalHost?: { index: number; after: number };
}

const HOST: ReadonlyArray<readonly string[]> = [["host"]];

export const CLIENT_SINKS: readonly ClientSink[] = [
  { label: "pg Pool()", kind: "postgres", module: "pg", paths: [["Pool"]], argument: 0, hosts: HOST },
  { label: "pg Client()", kind: "postgres", module: "pg", paths: [["Client"]], argument: 0, hosts: HOST },
  { label: "pg-pool Pool()", kind: "postgres", module: "pg-pool", paths: [[]], argument: 0, hosts: HOST },
  ...["mysql", "mysql2", "mysql2/promise"].flatMap((module) =>
    ["createConnection", "createPool"].map((method): ClientSink => ({ label: `${module} ${method}()`, kind: "mysql", module, paths: [[method]], argument: 0, hosts: HOST })),
  ),
  { label: "mssql connect()", kind: "mssql", module: "mssql", paths: [["connect"], ["ConnectionPool"]], argument: 0, hosts: [["server"]] },
  { label: "ioredis Redis()", kind: "redis", module: "ioredis", paths: [[], ["Redis"]], argument: 0, hosts: HOST, positionalHost: { index: 1, after: 0 } },
  // node-redis v4 puts the host under `socket`; v3 took `host` and `(port, host)`.
  { label: "redis createClient()", kind: "redis", module: "redis", paths: [["createClient"]], argument: 0, hosts: [["socket", "host"], ["host"]], positionalHost: { index: 1, after: 0 } },
  { label: "BullMQ options", kind: "redis", module: "bullmq", paths: [["Queue"], ["Worker"], ["QueueEvents"], ["FlowProducer"]], argument: 1, hosts: [["connection", "host"]] },
  { label: "Bull options", kind: "redis", module: "bull", paths: [[]], argument: 1, hosts: [["redis", "host"]] },
  { label: "Sequelize options", module: "sequelize", paths: [[], ["Sequelize"]], argument: -1, hosts: HOST },
  { label: "Sequelize options", module: "@sequelize/core", paths: [["Sequelize"]], argument: -1, hosts: HOST },
  { label: "TypeORM DataSource options", module: "typeorm", paths: [["DataSource"], ["createConnection"]], argument: 0, hosts: HOST },
  { label: "Nest TypeOrmModule.forRoot() options", module: "@nestjs/typeorm", paths: [["TypeOrmModule", "forRoot"]], argument: 0, hosts: HOST },
  { label: "knex connection", module: "knex", paths: [[], ["knex"]], argument: 0, hosts: [["connection", "host"]] },
  { label: "nodemailer createTransport()", kind: "smtp", module: "nodemailer", paths: [["createTransport"]], argument: 0, hosts: HOST },
  { label: "amqplib connect()", kind: "amqp", module: "amqplib", paths: [["connect"]], argument: 0, hosts: [["hostname"]] },
  { label: "amqplib connect()", kind: "amqp", module: "amqplib/callback_api", paths: [["connect"]], argument: 0, hosts: [["hostname"]] },
  { label: "kafkajs Kafka()", kind: "kafka", module: "kafkajs", paths: [["Kafka"]], argument: 0, hosts: [], addresses: ["brokers"], addressesEnv: "KAFKA_BROKERS" },
  { label: "nats connect()", kind: "nats", module: "nats", paths: [["connect"]], argument: 0, hosts: [], addresses: ["servers"], addressesEnv: "NATS_SERVERS" },
];
