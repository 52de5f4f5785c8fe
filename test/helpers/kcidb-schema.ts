/**
 * Validates a document against KernelCI's published KCIDB I/O schema v5.3 (test/fixtures/schemas/kcidb, see
 * ORIGIN.md there): draft-07 with the `uri`/`date-time` formats, as kcidb-io's own Draft7Validator checks it.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMAS = new URL('../../../test/fixtures/schemas/kcidb/', import.meta.url);

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(new URL('kcidb-io.schema.v5.3.json', SCHEMAS), 'utf8')));

/** The schema's complaints about `doc` (`/tests/3/status: must be equal to one of the allowed values`); [] when valid. */
export function kcidbErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/** KernelCI's own "all possible fields" sample (kcidb's test_db.py), to show the validator accepts real data. */
export function kcidbSample(): unknown {
  return JSON.parse(readFileSync(new URL('samples/kcidb-test_db-COMPREHENSIVE_IO_DATA.v5.3.json', SCHEMAS), 'utf8'));
}
