import amqp from "amqplib";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";

export async function startReceiptWorker(): Promise<void> {
  // Hit (IV): the broker's address is part of the code, not of the deploy's config.
  const connection = await amqp.connect("amqp://rabbitmq.internal:5672");
  const channel = await connection.createChannel();
  await channel.consume("receipts", (message) => {
    if (!message) return;
    // Hit (II): ImageMagick must be installed on the host; nothing in the app declares it.
    execFile("convert", ["receipt.pdf", "receipt.png"], () => channel.ack(message));
  });
  // Trap: the Node binary that runs the app is always there.
  execFile(process.execPath, ["--version"]);
}

// Hit (VIII): a PID file is the process manager's job, not the app's.
export function writePidFile(): void {
  writeFileSync("/var/run/orders-worker.pid", String(process.pid));
}
