import { test } from "node:test";
import express from "express";

// Trap: tests may pin a port.
test("starts", () => {
  const server = express().listen(3999);
  server.close();
});
