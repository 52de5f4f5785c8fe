/**
 * The official schemas of the formats kgap writes (test/fixtures/schemas, see ORIGIN.md there), compiled once:
 * CycloneDX 1.6 (draft-07, with its SPDX and JSF schemas), OpenVEX 0.2.0 (2020-12), SARIF 2.1.0 (draft-04) with
 * ajv; CSAF 2.0 with the BSI's validator library (its schema test and every mandatory test, section 6.1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0 } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

const SCHEMAS = fileURLToPath(new URL('../../../test/fixtures/schemas/', import.meta.url));
const schema = (path: string) => JSON.parse(readFileSync(SCHEMAS + path, 'utf8'));
const addFormats = addFormatsModule.default;

type AjvLike = { addFormat(name: string, format: RegExp): unknown };
/**
 * The draft 2019 formats ajv-formats lacks, as the schemas use them (IRIs in CycloneDX and OpenVEX, e-mail):
 * checked by shape (no whitespace, a scheme for IRIs) instead of being ignored.
 */
function addIriFormats<T extends AjvLike>(ajv: T): T {
  ajv.addFormat('iri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
  ajv.addFormat('iri-reference', /^\S*$/);
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/);
  return ajv;
}

/** A schema check: null when valid, else the first errors as text. */
export type SchemaCheck = (doc: unknown) => string | null;

function checker(validate: ValidateFunction): SchemaCheck {
  return (doc) => (validate(doc) ? null : JSON.stringify(validate.errors?.slice(0, 5)));
}

let cdx: SchemaCheck | undefined;
/** CycloneDX 1.6 JSON schema. */
export function checkCyclonedx(doc: unknown): string | null {
  if (!cdx) {
    const ajv = addIriFormats(new Ajv({ strict: false, allErrors: true }));
    addFormats(ajv);
    ajv.addSchema(schema('cyclonedx-1.6/spdx.schema.json'), 'spdx.schema.json');
    ajv.addSchema(schema('cyclonedx-1.6/jsf-0.82.schema.json'), 'jsf-0.82.schema.json');
    cdx = checker(ajv.compile(schema('cyclonedx-1.6/bom-1.6.schema.json')));
  }
  return cdx(doc);
}

let openvex: SchemaCheck | undefined;
/** OpenVEX 0.2.0 JSON schema. */
export function checkOpenvex(doc: unknown): string | null {
  if (!openvex) {
    const ajv = addIriFormats(new Ajv2020({ strict: false, allErrors: true }));
    addFormats(ajv);
    openvex = checker(ajv.compile(schema('openvex-0.2.0/openvex_json_schema.json')));
  }
  return openvex(doc);
}

let sarif: SchemaCheck | undefined;
/** SARIF 2.1.0 JSON schema (draft-04). */
export function checkSarif(doc: unknown): string | null {
  if (!sarif) {
    const ajv = new AjvDraft04Module.default({ strict: false, allErrors: true });
    addFormats(ajv);
    sarif = checker(ajv.compile(schema('sarif-2.1.0/sarif-schema-2.1.0.json')));
  }
  return sarif(doc);
}

/** CSAF 2.0: the validator library's schema test and all mandatory tests; null when all pass. */
export async function checkCsaf(doc: unknown): Promise<string | null> {
  const result = await validateStrict([csaf_2_0, ...Object.values(mandatory)], doc);
  if (result.isValid) return null;
  const failed = result.tests
    .filter((t) => !t.isValid)
    .map((t) => `${t.name}: ${JSON.stringify(t.errors.slice(0, 3))}`);
  return failed.join('\n');
}
