/** docs/security.md lists the limits the code enforces: the table there is the table in src/domain/limits.ts. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LIMIT_SPECS, type LimitSpec } from '../../src/domain/limits.js';

const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');

function row(spec: LimitSpec): string {
  const mib = spec.unit === 'bytes' && spec.default % (1024 * 1024) === 0 ? ` (${spec.default / 1024 / 1024} MiB)` : '';
  return `| \`${spec.env}\` | ${spec.default}${mib} | ${spec.what} |`;
}

describe('docs/security.md', () => {
  it('its limits table matches the limits in force', () => {
    const start = doc.indexOf('<!-- limits-table');
    const end = doc.indexOf('<!-- /limits-table -->');
    const table = doc
      .slice(doc.indexOf('\n', start) + 1, end)
      .trim()
      .split('\n')
      .slice(2);
    assert.deepEqual(table, Object.values(LIMIT_SPECS).map(row));
  });
});
