/**
 * Finds kernel crash reports in console/dmesg text and reduces each to a signature that survives a rebuild:
 * `kind: title @ top-frame`. The title is the report's first line (`BUG:`, `WARNING:`, `Oops`, `KASAN:`,
 * `UBSAN:`, `Kernel panic`, hung task, RCU stall, soft/hard lockup); the top frame comes from `RIP:`/`pc :`
 * or the first `Call Trace:` entry when the title names no function.
 */
import { type Crash, type CrashKind, mergeCrashes } from '../../domain/crash.js';
import { forEachLine, stripConsolePrefix } from './console-line.js';

// Reports start a line, sometimes after a subsystem tag (`watchdog: BUG: soft lockup`, `rcu: INFO: ...`).
// Mid-line matches are not reports: `RETBleed: WARNING: Spectre v2 mitigation ...` is a boot notice.
const AT = String.raw`^\s*(?:(?:watchdog|rcu|kernel): )?`;
const titleRe = (pattern: string): RegExp => new RegExp(`${AT}(${pattern})`);

/** Title patterns, most specific first: `BUG: KASAN:` is KASAN, not a plain BUG. */
const TITLES: readonly (readonly [CrashKind, RegExp])[] = [
  ['panic', titleRe('Kernel panic - not syncing:.*')],
  ['kasan', titleRe('(?:BUG: )?KASAN: .*')],
  ['ubsan', titleRe('UBSAN: .*')],
  ['lockup', titleRe('BUG: (?:soft|hard) lockup.*|Watchdog detected hard LOCKUP.*')],
  ['bug', titleRe('BUG: .*')],
  ['oops', titleRe('Oops: .*|general protection fault\\b.*|Unable to handle kernel .*')],
  ['warning', titleRe('WARNING: .*')],
  ['hung-task', titleRe('INFO: task \\S+ blocked for more than.*')],
  ['rcu-stall', titleRe('(?:INFO: )?rcu_\\w+ (?:self-)?detected (?:expedited )?stalls?\\b.*')],
  ['call-trace', /^\s*(Call Trace:)\s*$/],
];

// Titles that already name where it happened (`... at file func`, `... in func`): no frame needed.
const NAMES_PLACE = /\bat \S+\.[ch]\b|\bin [\w.]+/;
const FRAME_RE = /^\s*(?:RIP: [0-9a-f]{4}:|pc : |(?:\? )?)([A-Za-z_][\w.]*)\+0x[0-9a-f]+\/0x[0-9a-f]+/;
// Frames that belong to the reporting machinery, not to the code that failed.
const NOISE_FRAMES =
  /^(?:dump_stack\w*|show_stack|__warn\w*|warn_slowpath\w*|report_bug|handle_bug|exc_\w+|asm_exc_\w+|panic|__schedule_bug|__might_resched|__might_sleep)$/;
const CONTEXT_LINES = 40;

/** Reduces a report's first line to its comparable form. Pure; exported for tests and known-issue matching. */
export function normalizeCrashTitle(title: string): string {
  return title
    .replace(/\bCPU: \d+ PID: \d+\s*(?:Comm: \S+\s*)?/g, '')
    .replace(/\+0x[0-9a-f]+\/0x[0-9a-f]+/gi, '')
    .replace(/\b0x[0-9a-f]+\b/gi, 'ADDR')
    .replace(/\b[0-9a-f]{8,16}\b/gi, 'ADDR')
    .replace(/(\.[ch]|\.rs):\d+(?::\d+)?/g, '$1')
    .replace(/\[#\d+\]/g, '')
    .replace(/\b(task \S+?):\d+/g, '$1')
    .replace(/\b\d+(s?)\b/g, 'N$1')
    .replace(/\s+/g, ' ')
    .trim();
}

type Pending = { kind: CrashKind; title: string; line: number; example: string; frame: string | null; left: number };

/** All crash signatures in one log. Never throws. */
export function parseCrashes(text: string, options: { source: string }): Crash[] {
  const found: Crash[] = [];
  let pending: Pending | null = null;
  const flush = (): void => {
    if (pending === null) return;
    const { kind, title, frame, line, example } = pending;
    const place = frame !== null && !NAMES_PLACE.test(title) ? ` @ ${frame}` : '';
    found.push({ kind, signature: `${kind}: ${title}${place}`, count: 1, source: options.source, line, example });
    pending = null;
  };
  forEachLine(text, (raw, index) => {
    const line = stripConsolePrefix(raw);
    if (line.length > 4096) return true;
    const title = matchTitle(line);
    if (title !== null) {
      // A Call Trace, or the Oops line after a `BUG:`, inside a report being read belongs to that report.
      if (pending !== null && pending.left > 0 && absorbs(pending.kind, title.kind)) return true;
      flush();
      pending = { ...title, line: index + 1, example: line.trim().slice(0, 200), frame: null, left: CONTEXT_LINES };
      return true;
    }
    if (pending === null) return true;
    if (pending.frame === null) {
      const f = FRAME_RE.exec(line)?.[1];
      if (f !== undefined && !NOISE_FRAMES.test(f)) pending.frame = f;
    }
    if (--pending.left <= 0) flush();
    return true;
  });
  flush();
  return mergeCrashes([found]);
}

function absorbs(report: CrashKind, next: CrashKind): boolean {
  return next === 'call-trace' || (next === 'oops' && (report === 'bug' || report === 'kasan'));
}

function matchTitle(line: string): { kind: CrashKind; title: string } | null {
  // Cheap pre-filter: every title contains one of these upper-case words or "fault"/"Trace".
  if (!/BUG|WARN|Oops|KASAN|UBSAN|panic|INFO|rcu_|fault|Trace|LOCKUP|Unable/.test(line)) return null;
  for (const [kind, re] of TITLES) {
    const m = re.exec(line);
    if (m?.[1] !== undefined) return { kind, title: normalizeCrashTitle(m[1]) };
  }
  return null;
}
