import { Router } from "express";
import multer from "multer";
import * as fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const uploads = Router();

// Hit: uploads saved on the instance's disk are lost on restart and invisible to other instances.
const upload = multer({ dest: "uploads/" });

uploads.post("/receipts", upload.single("receipt"), (req, res) => {
  // Hit: application state written next to the code.
  fs.appendFileSync(path.join(__dirname, "receipts.jsonl"), JSON.stringify({ at: Date.now() }) + "\n");
  res.sendStatus(201);
});

uploads.post("/preview", (req, res) => {
  // Trap: a scratch file in the OS temp folder, read back in the same request.
  const scratch = path.join(os.tmpdir(), `preview-${Date.now()}.png`);
  fs.writeFileSync(scratch, req.body);
  res.sendFile(scratch);
});
