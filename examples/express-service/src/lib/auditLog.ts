import { DataTypes, Sequelize } from "sequelize";

export const sequelize = new Sequelize(process.env.DATABASE_URL as string);
export const AuditEntry = sequelize.define("AuditEntry", { action: DataTypes.STRING, actor: DataTypes.STRING });

export async function initAuditLog(): Promise<void> {
  // Hit (XII): altering tables as the app boots races between instances and runs on every
  // deploy; the schema change belongs in a migration run once, as an admin process.
  await sequelize.sync({ alter: true });
}
