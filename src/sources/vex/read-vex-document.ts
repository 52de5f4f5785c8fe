import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UserError } from '../../domain/invalid-input.js';
import type { VexDocumentFormat, VexPublication } from '../../domain/vex-publication.js';
import { csafSchema, parseCsafVex } from './parse-csaf-vex.js';
import { cyclonedxSchema, parseCyclonedxVex } from './parse-cyclonedx-vex.js';
import { openvexSchema, parseOpenvex } from './parse-openvex.js';

/** Which format a parsed JSON document is, by its marker field; null when it is none of the three. */
function detect(doc: unknown): VexDocumentFormat | null {
  if (typeof doc !== 'object' || doc === null) return null;
  if ('@context' in doc) return 'openvex';
  if ('bomFormat' in doc) return 'cyclonedx';
  if ('document' in doc) return 'csaf';
  return null;
}

function check<T>(schema: z.ZodType<T>, doc: unknown, path: string, what: string): T {
  const r = schema.safeParse(doc);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new UserError(
    `${path} is not a valid ${what} document (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`,
  );
}

/** Parses a VEX document's text (OpenVEX, CycloneDX or CSAF JSON), validated at the border. Pure. */
export function parseVexDocument(text: string, path: string): VexPublication {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UserError(`${path} is not JSON: give an OpenVEX, CycloneDX or CSAF document`);
  }
  const format = detect(doc);
  if (format === 'openvex') return parseOpenvex(check(openvexSchema, doc, path, 'OpenVEX'), path);
  if (format === 'cyclonedx') return parseCyclonedxVex(check(cyclonedxSchema, doc, path, 'CycloneDX'), path);
  if (format === 'csaf') return parseCsafVex(check(csafSchema, doc, path, 'CSAF'), path);
  throw new UserError(`${path} is neither OpenVEX (@context), CycloneDX (bomFormat) nor CSAF (document)`);
}

/** Reads and parses one VEX document. A missing or unreadable file is the user's to fix. */
export async function readVexDocument(path: string): Promise<VexPublication> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`cannot read ${path} (${code}): give the path of a VEX document`);
  }
  return parseVexDocument(text, path);
}
