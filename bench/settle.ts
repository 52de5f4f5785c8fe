/**
 * Waits (a bounded time) for the machine to be idle before a bench of millisecond figures: start-up times measure
 * Node and kgap, not a run queue shared with the aftermath of a previous bench (a PostgreSQL shutting down, page
 * cache refilled after a 1M-commit tree). Linux only (/proc/stat); elsewhere it returns at once.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Idle and total jiffies of all CPUs, or null without /proc/stat. */
function cpuTimes(): { idle: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Samples the CPUs' idle share over `windowMs` until it reaches `minIdle` (0..1) or `maxWaitMs` has passed.
 * Returns the last share seen (null without /proc/stat), for the bench's note.
 */
export async function waitForIdle(minIdle = 0.9, windowMs = 3000, maxWaitMs = 90_000): Promise<number | null> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const a = cpuTimes();
    if (a === null) return null;
    await sleep(windowMs);
    const b = cpuTimes();
    if (b === null) return null;
    const share = b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : 1;
    if (share >= minIdle || Date.now() >= deadline) return share;
  }
}
