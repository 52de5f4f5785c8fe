import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { assessRelevance, kbuildEvaluationFor } from '../src/analysis/relevance/assess-relevance.js';
import { classifyFile } from '../src/analysis/relevance/classify-file.js';
import type { KbuildModel } from '../src/domain/kbuild-model.js';
import type { KernelConfig } from '../src/domain/kernel-config.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { readKbuildModel } from '../src/sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../src/sources/read-kernel-config.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';

// Debian 12's 6.1.170-3 amd64 kernel against the Kbuild files of its own patched source.
const shared = sharedDataDir();
const TARBALL = shared && join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz');
const CONFIG = shared && join(shared, 'configs', 'debian-6.1.170-3-amd64.config');
const skip = TARBALL === null || !existsSync(TARBALL) ? REAL_DATA_SKIP_REASON : false;

/**
 * Source file -> module kgap must infer. Every name was checked against the `.ko` files of Debian's
 * linux-image-6.1.0-47-amd64 (6.1.170-3) package: composite objects, renamed modules, subdirectories.
 */
const DEBIAN_MODULES: readonly (readonly [string, string])[] = [
  ['drivers/gpu/drm/amd/display/dc/dml/dcn302/dcn302_fpu.c', 'amdgpu'],
  ['drivers/hid/intel-ish-hid/ishtp-hid-client.c', 'intel-ishtp-hid'],
  ['drivers/infiniband/hw/cxgb4/cm.c', 'iw_cxgb4'],
  ['drivers/input/mouse/synaptics.c', 'psmouse'],
  ['drivers/isdn/mISDN/core.c', 'mISDN_core'],
  ['drivers/md/bcache/journal.c', 'bcache'],
  ['drivers/media/test-drivers/vivid/vivid-vid-out.c', 'vivid'],
  ['drivers/mmc/host/sdhci.c', 'sdhci'],
  ['drivers/net/ethernet/google/gve/gve_utils.c', 'gve'],
  ['drivers/net/ethernet/intel/e1000e/netdev.c', 'e1000e'],
  ['drivers/platform/x86/dell/dell-laptop.c', 'dell-laptop'],
  ['drivers/scsi/lpfc/lpfc_els.c', 'lpfc'],
  ['drivers/staging/rtl8192e/rtl8192e/rtl_core.c', 'r8192e_pci'],
  ['drivers/uio/uio_hv_generic.c', 'uio_hv_generic'],
  ['drivers/virtio/virtio_ring.c', 'virtio_ring'],
  ['fs/9p/v9fs.c', '9p'],
  ['fs/btrfs/subpage.c', 'btrfs'],
  ['fs/exfat/inode.c', 'exfat'],
  ['fs/ext4/sysfs.c', 'ext4'],
  ['net/ax25/ax25_dev.c', 'ax25'],
  ['net/batman-adv/originator.c', 'batman-adv'],
  ['net/bridge/netfilter/nf_conntrack_bridge.c', 'nf_conntrack_bridge'],
  ['net/ipv4/ip_tunnel.c', 'ip_tunnel'],
  ['net/ipv6/netfilter/ip6table_nat.c', 'ip6table_nat'],
  ['net/key/af_key.c', 'af_key'],
  ['net/mac80211/mlme.c', 'mac80211'],
  ['net/rds/recv.c', 'rds'],
  ['net/sched/act_tunnel_key.c', 'act_tunnel_key'],
  ['net/smc/af_smc.c', 'smc'],
  ['sound/soc/sof/ipc3-control.c', 'snd-sof'],
  ['virt/kvm/kvm_main.c', 'kvm'],
];

/** Files Debian's config does not build (no such `.ko` in the package; the symbol is unset). */
const NOT_BUILT: readonly (readonly [string, RegExp])[] = [
  ['drivers/gpu/drm/msm/msm_drv.c', /CONFIG_DRM_MSM/],
  ['drivers/net/ethernet/freescale/fec_main.c', /CONFIG_NET_VENDOR_FREESCALE/],
  ['drivers/usb/dwc3/core.c', /CONFIG_USB_DWC3/],
  ['kernel/kcsan/core.c', /CONFIG_KCSAN/],
  ['drivers/net/ethernet/mellanox/mlx5/core/en_accel/ipsec.c', /CONFIG_MLX5_EN_IPSEC/],
  ['arch/arm64/kernel/setup.c', /another architecture/],
  ['drivers/s390/cio/css.c', /arch\/s390\/Makefile/],
];

describe('relevance on real data: Debian 6.1.170-3 amd64', { skip }, () => {
  let model: KbuildModel;
  let config: KernelConfig;
  before(async () => {
    const cacheDir = join(process.env.TMPDIR || tmpdir(), 'kgap-test-kbuild-cache');
    model = await readKbuildModel(TARBALL as string, { cacheDir, tmpDir: tmpdir() });
    config = await readKernelConfig(CONFIG as string);
  });
  const classify = (path: string) => classifyFile(path, { model, ev: kbuildEvaluationFor(model, config) });

  it('reads the whole Kbuild tree', () => {
    assert.equal(model.version, '6.1.170');
    assert.ok(model.makefiles.size > 2500, `${model.makefiles.size} Kbuild files`);
    assert.ok((model.files?.size ?? 0) > 70_000);
  });

  it('net/core/dev.c is built-in', () => {
    assert.equal(classify('net/core/dev.c').status, 'built-in');
  });

  for (const [path, module] of DEBIAN_MODULES) {
    it(`${path} is in Debian's module ${module}`, () => {
      const r = classify(path);
      assert.equal(r.status, 'module', r.reason);
      assert.equal(r.module, module);
    });
  }

  for (const [path, why] of NOT_BUILT) {
    it(`${path} is not built, with the reason`, () => {
      const r = classify(path);
      assert.equal(r.status, 'not-built', r.reason);
      assert.match(r.reason, why);
    });
  }

  it('files of a newer kernel are unknown, not "not built"', () => {
    assert.equal(classify('drivers/gpu/drm/xe/xe_gt.c').status, 'unknown');
  });

  it('CVEs that touch only another architecture: all 484 not built (before issue 11: 339, 70.0%)', async (t) => {
    const real = await realIndex();
    if (real === null) return t.skip(REAL_DATA_SKIP_REASON);
    const counts = { built: 0, 'not-built': 0, unknown: 0 };
    const undecided: string[] = [];
    for (const r of real.index.records) {
      const rel = assessRelevance(r.programFiles, model, config);
      const kernel = rel.files.filter((f) => f.status !== 'not-kernel-code');
      if (kernel.length === 0 || !kernel.every((f) => /^arch\//.test(f.path) && !f.path.startsWith('arch/x86/'))) {
        continue;
      }
      counts[rel.status]++;
      if (rel.status !== 'not-built') undecided.push(`${r.id}: ${rel.reason}`);
    }
    assert.deepEqual(counts, { built: 0, 'not-built': 484, unknown: 0 }, undecided.join('\n'));
    const fadump = real.index.records.find((r) => r.id === 'CVE-2024-56677');
    assert.equal(
      assessRelevance(fadump?.programFiles ?? [], model, config).justification,
      'vulnerable_code_not_present',
    );
  });

  it('real CVE records: CVE-2025-21629 built, CVE-2025-21676 not built, CVE-2025-21644 unknown', async (t) => {
    const real = await realIndex();
    if (real === null) return t.skip(REAL_DATA_SKIP_REASON);
    const record = (id: string) => {
      const r = real.index.records.find((x) => x.id === id);
      assert.ok(r, id);
      return r.programFiles;
    };
    assert.equal(assessRelevance(record('CVE-2025-21629'), model, config).status, 'built');
    const fec = assessRelevance(record('CVE-2025-21676'), model, config);
    assert.equal(fec.status, 'not-built');
    assert.equal(fec.justification, 'vulnerable_code_not_present');
    assert.equal(assessRelevance(record('CVE-2025-21644'), model, config).status, 'unknown');
  });
});
