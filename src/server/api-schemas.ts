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

// A relative file name of an uploaded side: up to 8 segments, none empty or starting with "." (so no "..").
const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9._-]{0,127}';
const uploadName = z
  .string()
  .regex(
    new RegExp(`^${SEGMENT}(/${SEGMENT}){0,7}$`),
    'a relative file name: "/"-separated parts of letters, digits, ".", "_", "-", none starting with "."',
  );

/** A side sent along: its result files and console logs by relative name, as the gate would find them on disk. */
const uploadedSide = z.strictObject({
  label: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\x00-\x1f\x7f]*$/, 'printable text')
    .optional()
    .describe('What the report and the recorded run call this side (default: "upload (N files)")'),
  files: z
    .record(uploadName, z.string())
    .refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= 10_000, 'from 1 to 10,000 files')
    .describe('File name (e.g. run1/kunit.ktap) to its text'),
});

/**
 * `POST /api/v1/products/{name}/gates`: the inputs of `kgap fleet gate`. Each side is a path on the server's machine
 * (as a product's tree and config are) or the result files themselves; the known issues likewise.
 */
export const gateBody = z.strictObject({
  baseline: z
    .union([z.string().min(1), uploadedSide])
    .describe('Results of the kernel in the field: a directory or file on the server, or the files'),
  candidate: z
    .union([z.string().min(1), uploadedSide])
    .describe('Results of the update candidate: a directory or file on the server, or the files'),
  knownIssues: z
    .union([z.string().min(1), z.strictObject({ text: z.string().min(1) })])
    .optional()
    .describe("Known issues, kgap's JSON or LKFT's qa-reports-known-issues YAML: a file on the server, or its text"),
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

type Problem = { readonly path: readonly PropertyKey[]; readonly message: string };

/**
 * The problem to show for an issue: inside a union (a side given as a path or as files), the branch the value was
 * meant for, i.e. the first whose problem is not the value's type; for a bad record key, the key and its problem.
 */
function innermost(issue: z.core.$ZodIssue, outer: readonly PropertyKey[]): Problem {
  const path = [...outer, ...issue.path];
  if (issue.code === 'invalid_union') {
    const meant = issue.errors.find((b) => b[0] && !(b[0].code === 'invalid_type' && b[0].path.length === 0));
    const first = (meant ?? issue.errors[0])?.[0];
    if (first) return innermost(first, path);
  }
  if (issue.code === 'invalid_key' && issue.issues[0])
    return { path: path.slice(0, -1), message: `${JSON.stringify(String(path.at(-1)))}: ${issue.issues[0].message}` };
  return { path, message: issue.message };
}

/** The first problem of a failed parse, in one line: `name: a product name …`. */
export function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const { path, message } = innermost(issue, []);
  const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
  return `${where}${message}`;
}
