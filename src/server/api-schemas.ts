/**
 * The API's inputs, validated with zod at the border (and described by the OpenAPI document from the same
 * schemas): what does not parse is a 400 with the message, before any use-case runs.
 */
import { z } from 'zod';
import { CVE_ID_PATTERN } from '../domain/cve-id.js';

export const productName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a product name: letters, digits, ".", "_", "-" (at most 64)')
  .describe('Product name');

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** `POST /api/v1/products`: the same inputs as `kgap fleet add` (paths on the server's machine). */
export const addProductBody = z
  .strictObject({
    name: productName,
    version: z.string().min(1).optional().describe('Upstream kernel version, e.g. 6.1.170'),
    tree: z.string().min(1).optional().describe('Or the kernel git tree (a path on the server)'),
    rev: z.string().min(1).optional().describe('With tree: the revision (default HEAD)'),
    config: z.string().min(1).optional().describe('The product .config (path on the server)'),
    source: z.string().min(1).optional().describe('The kernel source tree or tarball the config builds'),
    buildDir: z.string().min(1).optional().describe('Or the build directory'),
    arch: z.string().min(1).optional(),
    supportUntil: day.optional().describe('End of the promised support period'),
  })
  .refine((b) => (b.version === undefined) !== (b.tree === undefined), {
    message: 'give exactly one of version and tree',
  });

/** `POST /api/v1/scans`: which products (default all); `queue` enqueues for workers (PostgreSQL only). */
export const scanBody = z.strictObject({
  products: z.array(productName).max(10_000).optional(),
  queue: z.boolean().optional(),
});

/** `POST /api/v1/plans`: which products to plan (default all; those with a git tree are planned). */
export const planBody = z.strictObject({
  products: z.array(productName).max(10_000).optional(),
});

/**
 * `POST /api/v1/products/{name}/gates`: the inputs of `kgap fleet gate` (results and known issues are paths on the
 * server's machine, as the product's tree and config are).
 */
export const gateBody = z.strictObject({
  baseline: z.string().min(1).describe('Results of the kernel in the field: a directory or file on the server'),
  candidate: z.string().min(1).describe('Results of the update candidate: a directory or file on the server'),
  knownIssues: z
    .string()
    .min(1)
    .optional()
    .describe("A known-issues file on the server: kgap's JSON or LKFT's qa-reports-known-issues YAML"),
  lkftEnvironment: z.string().min(1).optional().describe('With an LKFT file: the SQUAD environment, e.g. qemu-arm64'),
  lkftProject: z.string().min(1).optional().describe('With an LKFT file: the SQUAD project'),
  asOf: day.optional().describe('The day known issues are judged against (default: today, UTC)'),
  policy: z
    .strictObject({
      allowLostCoverage: z.boolean().optional(),
      flakyIsRegression: z.boolean().optional(),
      newFailuresAreRegressions: z.boolean().optional(),
    })
    .optional()
    .describe('What blocks besides regressions and new crashes (docs/gate.md); each default false'),
});

export const cveIdParam = z.string().regex(new RegExp(`^${CVE_ID_PATTERN}$`), 'a CVE id such as CVE-2024-26953');
export const scanIdParam = z.coerce.number().int().min(1);
export const limitQuery = z.coerce.number().int().min(0).max(100_000).optional();

/** The first problem of a failed parse, in one line: `name: a product name …`. */
export function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
