// Small numeric and formatting helpers for the benchmark report.
import process from "node:process";
import { clearInterval, setInterval } from "node:timers";

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function countLines(text) {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/**
 * Peak resident memory of the process (worker threads included) during one phase. Sampled on a
 * timer for phases that leave the main thread idle, and by `sample()` from inside busy loops.
 */
export class RssSampler {
  constructor() {
    this.peak = 0;
    this.timer = undefined;
  }

  start() {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), 50);
    return this;
  }

  sample() {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  stop() {
    this.sample();
    clearInterval(this.timer);
    return { peakRssMB: round(this.peak / 2 ** 20, 0), maxRssMB: round(process.resourceUsage().maxRSS / 1024, 0) };
  }
}

export function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function pad(value, width, alignLeft = false) {
  const text = String(value);
  return alignLeft ? text.padEnd(width) : text.padStart(width);
}

export function collectGarbage() {
  if (typeof globalThis.gc === "function") globalThis.gc();
}
