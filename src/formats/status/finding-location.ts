import type { SarifSpot } from '../ci/sarif-log.js';
import type { StatusRenderOptions } from '../vex/vex-document.js';
import type { StatusView } from './status-view.js';

/**
 * Where a CVE finding points in CI reports: the product `.config` it was judged against, else (tree mode) the
 * tree's top-level Makefile, which names the base release; null in version mode without a config (no file).
 */
export function findingLocation(view: StatusView, options: StatusRenderOptions): SarifSpot | null {
  if (options.configPath) return { path: options.configPath, line: null };
  if (view.report.tree) return { path: 'Makefile', line: null };
  return null;
}
