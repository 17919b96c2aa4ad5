import jwt from "jsonwebtoken";
// Hit (I): code reached from outside this service's repository folder; share it as a package.
import { toMinorUnits } from "../../../billing-service/src/currency";

// Hit: a high-entropy value assigned to a secret-like name.
const clientSecret = "q8Zt4vN2xLp7Rk9sWd3Hf6Jm1Yc5Bg0T";

// Trap: a placeholder is not a secret. (Hit: WEBHOOK_SECRET is read but missing from .env.example.)
const webhookSecret = process.env.WEBHOOK_SECRET ?? "changeme";

export function signSession(userId: string): string {
  // Trap: the signing secret comes from the environment.
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: "1h" });
}

export function amountInCents(amount: number): number {
  return toMinorUnits(amount, "EUR");
}

export function paymentHeaders(): Record<string, string> {
  return { Authorization: `Bearer ${clientSecret}`, "X-Webhook-Secret": webhookSecret };
}
