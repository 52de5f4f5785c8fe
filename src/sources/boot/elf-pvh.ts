/**
 * Does an ELF vmlinux carry the PVH entry note QEMU needs to boot it directly (`XEN_ELFNOTE_PHYS32_ENTRY`,
 * emitted when the kernel has `CONFIG_PVH=y`)? Without it QEMU refuses the ELF, so kgap boots the bzImage.
 */

const PT_NOTE = 4;
const XEN_ELFNOTE_PHYS32_ENTRY = 18;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function notesHavePvh(v: DataView, start: number, end: number): boolean {
  let at = start;
  while (at + 12 <= end) {
    const nameSize = v.getUint32(at, true);
    const descSize = v.getUint32(at + 4, true);
    const type = v.getUint32(at + 8, true);
    const nameStart = at + 12;
    const name = new TextDecoder('latin1').decode(
      new Uint8Array(v.buffer, v.byteOffset + nameStart, Math.max(0, Math.min(nameSize, end - nameStart))),
    );
    if (type === XEN_ELFNOTE_PHYS32_ENTRY && name.startsWith('Xen')) return true;
    // Name and descriptor are each padded to 4 bytes in ELF notes.
    at = nameStart + Math.ceil(nameSize / 4) * 4 + Math.ceil(descSize / 4) * 4;
  }
  return false;
}

/** True when an ELF64 little-endian image has a PT_NOTE segment with the Xen PVH entry note. */
export function hasPvhNote(bytes: Uint8Array): boolean {
  if (bytes.length < 64 || bytes[0] !== 0x7f || bytes[4] !== 2 || bytes[5] !== 1) return false;
  const v = view(bytes);
  const phoff = Number(v.getBigUint64(32, true));
  const phentsize = v.getUint16(54, true);
  const phnum = v.getUint16(56, true);
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (ph + 56 > bytes.length) return false;
    if (v.getUint32(ph, true) !== PT_NOTE) continue;
    const offset = Number(v.getBigUint64(ph + 8, true));
    const size = Number(v.getBigUint64(ph + 32, true));
    if (offset + size <= bytes.length && notesHavePvh(v, offset, offset + size)) return true;
  }
  return false;
}
