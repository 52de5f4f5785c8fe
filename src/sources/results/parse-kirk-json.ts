/**
 * kirk's JSON report (`kirk --json-report FILE`): `{ results: [{ test_fqn, status, test: { retval, failed,
 * broken, warnings, skipped, passed, log, ... } }], stats, environment }`. Validated record by record with
 * zod, so one odd record is a problem, not a failed run. Truncated JSON (the runner died while writing) is
 * a run that ended early with no results.
 */
import { z } from 'zod';
import { capDetail, type ResultRun, type TestResult, type TestStatus } from '../../domain/test-result.js';
import { ltpTestId, statusFromLtpExit, statusFromLtpWord } from './ltp-exit.js';

const count = z.number().int().nonnegative().optional();
const KirkRecord = z.object({
  test_fqn: z.string().min(1),
  status: z.string().optional(),
  test: z
    .object({
      retval: z.array(z.union([z.string(), z.number()])).optional(),
      passed: count,
      failed: count,
      broken: count,
      skipped: count,
      warnings: count,
      log: z.string().optional(),
    })
    .optional(),
});
type KirkRecord = z.infer<typeof KirkRecord>;

/** Parses a kirk JSON report. Never throws. */
export function parseKirkJson(text: string, options: { source: string }): ResultRun {
  const base = { source: options.source, format: 'kirk-json' as const };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ...base, tests: [], endedEarly: `not complete JSON (${String(error).slice(0, 80)})`, problems: [] };
  }
  const results = (data as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return { ...base, tests: [], endedEarly: null, problems: ['no "results" array'] };
  const tests: TestResult[] = [];
  const problems: string[] = [];
  results.forEach((raw: unknown, i) => {
    const parsed = KirkRecord.safeParse(raw);
    if (!parsed.success) {
      if (problems.length < 20) problems.push(`results[${i}]: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    const status = statusOf(parsed.data);
    const detail = status === 'pass' ? undefined : capDetail(failureLine(parsed.data.test?.log ?? ''));
    const id = ltpTestId(parsed.data.test_fqn);
    tests.push(detail === undefined ? { id, status } : { id, status, detail });
  });
  return { ...base, tests, endedEarly: null, problems };
}

/** kirk's status word first; then its counters; then the exit value. */
function statusOf(r: KirkRecord): TestStatus {
  const word = r.status === undefined ? null : statusFromLtpWord(r.status);
  if (word !== null) return word;
  const t = r.test;
  if (t?.broken) return 'error';
  if (t?.failed) return 'fail';
  if (t?.warnings) return 'warn';
  const retval = Number(t?.retval?.[0]);
  if (Number.isFinite(retval)) return statusFromLtpExit(retval);
  if (t?.passed) return 'pass';
  if (t?.skipped) return 'skip';
  return 'error';
}

function failureLine(log: string): string {
  const m = /\b(TFAIL|TBROK|TWARN): .*$/m.exec(log);
  return m ? m[0] : '';
}
