/**
 * The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. Request bodies and parameters come from
 * the same zod schemas the routes validate with (z.toJSONSchema), so the document cannot drift from the checks.
 */
import { z } from 'zod';
import { addProductBody, cveIdParam, gateBody, planBody, productName, scanBody } from './api-schemas.js';

const schemaOf = (s: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const doc = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const errors = {
  '400': doc('Malformed input: `{"error": "…", "field"?: "…"}`'),
  '404': doc('No such product, scan or CVE in the fleet, or no plan of the product'),
};
const writeErrors = { ...errors, '401': doc('No or wrong bearer token'), '403': doc('The server is read-only') };
const pathParam = (name: string, schema: z.ZodType, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: schemaOf(schema),
});
const nameParam = pathParam('name', productName, 'Product name');

/** The document (built once per server). */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'kgap fleet API',
      version: '1',
      description:
        'Products, scans, update plans, gate runs and per-CVE exposure of a kgap fleet. Reads are open; writes need `Authorization: Bearer <token>`. JSON documents are those of `kgap fleet … --format json` (docs/fleet.md), each with `schemaVersion`.',
    },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/products': {
        get: {
          summary: 'The fleet table: every product with its latest scan',
          responses: { '200': doc('`kgap fleet list --format json`') },
        },
        post: {
          summary: 'Add a product (kgap fleet add)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(addProductBody) } } },
          responses: { '201': doc('The product added'), ...writeErrors },
        },
      },
      '/products/{name}': {
        get: {
          summary: 'A product, its latest scan and its findings with evidence (kgap fleet show)',
          parameters: [
            nameParam,
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
          ],
          responses: { '200': doc('`kgap fleet show NAME --format json`'), ...errors },
        },
        delete: {
          summary: 'Remove a product and its scans',
          security: [{ bearer: [] }],
          parameters: [nameParam],
          responses: { '200': doc('The product removed'), ...writeErrors },
        },
      },
      '/products/{name}/scans': {
        get: {
          summary: "A product's scans, oldest first",
          parameters: [nameParam],
          responses: { '200': doc('`kgap fleet history NAME --format json`'), ...errors },
        },
      },
      '/products/{name}/plan': {
        get: {
          summary:
            "A product's latest update plan: the `kgap plan` record to the newest release of its branch, or up to date",
          parameters: [nameParam],
          responses: { '200': doc('`kgap fleet show NAME --plan --format json`'), ...errors },
        },
      },
      '/products/{name}/gates': {
        get: {
          summary: "A product's recorded gate runs (kgap fleet gate), newest first: verdict, counts and reasons",
          parameters: [nameParam],
          responses: { '200': doc('`kgap fleet gates NAME --format json`'), ...errors },
        },
        post: {
          summary:
            "Gate a product's candidate on its test results (paths on the server, or the files sent along) and record the run (kgap fleet gate); the verdict is in the document",
          security: [{ bearer: [] }],
          parameters: [nameParam],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(gateBody) } } },
          responses: {
            '201': doc('`kgap fleet gate NAME --format json`: the gate report, recorded'),
            '413': doc('The body is larger than the server allows (KGAP_MAX_UPLOAD_BYTES)'),
            ...writeErrors,
          },
        },
      },
      '/plans': {
        post: {
          summary:
            'Plan the update of products (all, or those named) with a git tree and store the records (kgap fleet plan)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(planBody) } } },
          responses: { '200': doc('`kgap fleet plan --format json`'), ...writeErrors },
        },
      },
      '/scans': {
        post: {
          summary: 'Scan products now (all, or those named), or enqueue them for workers (`queue: true`, PostgreSQL)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(scanBody) } } },
          responses: { '200': doc('`kgap fleet scan --format json`'), '202': doc('Jobs enqueued'), ...writeErrors },
        },
      },
      '/scans/{id}': {
        get: {
          summary: 'One scan with its findings',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: { '200': doc('The scan and its findings'), ...errors },
        },
      },
      '/cves/{id}': {
        get: {
          summary: 'One CVE across the fleet: which products carry it, given their configs and trees',
          parameters: [pathParam('id', cveIdParam, 'CVE id')],
          responses: { '200': doc('`kgap fleet cve ID --format json`'), ...errors },
        },
      },
      '/summary': { get: { summary: 'The fleet at a glance', responses: { '200': doc('Counts over the fleet') } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': doc('OpenAPI 3.1') } } },
    },
  };
}
