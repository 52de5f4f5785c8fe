import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assessHardening } from '../src/analysis/hardening/assess-hardening.js';
import { hardeningChecks } from '../src/analysis/hardening/checks/index.js';
import { kernelFactsOf } from '../src/analysis/hardening/kernel-facts.js';
import { releaseIndexOf } from '../src/analysis/hardening/release-index.js';
import { renderHardeningSummary } from '../src/formats/hardening/render-hardening-text.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { readKernelConfig } from '../src/sources/read-kernel-config.js';
import { parseReleases } from '../src/sources/releases/parse-releases.js';
import { assertGolden } from './helpers/golden.js';

const CONFIGS = [
  'debian-6.1.170-3-amd64.config',
  'debian-6.12.117-amd64.config',
  'distros/Android_15_6.6_aarch64.config',
];
const shared = sharedDataDir();

describe('hardening summary of three real configs (golden)', { skip: shared ? false : '../shared/data absent' }, () => {
  it('matches test/golden/harden-summary.txt', async () => {
    const dir = join(shared ?? '', 'configs');
    const releasesFile = join(shared ?? '', 'linux-kernel-releases.json');
    const releases = releaseIndexOf(parseReleases(readFileSync(releasesFile, 'utf8'), releasesFile));
    const parts: string[] = [];
    for (const name of CONFIGS) {
      const config = await readKernelConfig(join(dir, name));
      const report = assessHardening({
        checks: hardeningChecks,
        inputs: { config, cmdline: null, sysctl: null },
        facts: kernelFactsOf(config),
        source: name,
        releases,
        asOf: '2026-01-01',
      });
      parts.push(renderHardeningSummary(report));
    }
    const text = `${parts.join('\n\n')}\n`;
    assertGolden('harden-summary.txt', text);
  });
});
