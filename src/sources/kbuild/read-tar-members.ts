import { BLOCK, isZeroBlock, parsePaxRecords, parseTarHeader, type TarHeader } from './parse-tar-header.js';

/** Reads exact byte counts from a stream of chunks (a decompressor's stdout), holding only what is asked for. */
export class ChunkReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else {
        this.chunks.push(next.value);
        this.length += next.value.length;
      }
    }
  }

  /** The next `n` bytes, or null when the stream ends first. */
  async take(n: number): Promise<Buffer | null> {
    await this.fill(n);
    if (this.length < n) return null;
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.length);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** Passes the next `n` bytes to `sink` piece by piece (never all at once); false when the stream ends first. */
  async forward(n: number, sink: ((piece: Buffer) => Promise<void>) | null): Promise<boolean> {
    let left = n;
    while (left > 0) {
      await this.fill(1);
      const head = this.chunks[0];
      if (head === undefined) return false;
      const piece = head.length <= left ? head : head.subarray(0, left);
      if (head.length <= left) this.chunks.shift();
      else this.chunks[0] = head.subarray(left);
      this.length -= piece.length;
      left -= piece.length;
      if (sink) await sink(piece);
    }
    return true;
  }
}

/** A member as the extractor sees it: its header (name resolved from long-name/pax records) and its data. */
export type TarMember = TarHeader & {
  /** Streams the member's data to `sink` (or passes over it with null); false when the archive ends early. */
  readonly data: (sink: ((piece: Buffer) => Promise<void>) | null) => Promise<boolean>;
  /** The member's data at once (for small members); null when the archive ends early. */
  readonly bytes: () => Promise<Buffer | null>;
};

/** Why reading stopped: the archive is damaged or cut off, or a record inside it is larger than a header may be. */
export class TarFormatError extends Error {}

// A long name or pax record larger than this is not a kernel tree's: refuse it rather than hold it.
const MAX_META_BYTES = 1 << 20;

const padded = (size: number) => Math.ceil(size / BLOCK) * BLOCK;

/**
 * The members of a tar stream in order; long-name and pax records are applied to the member that follows. Ends
 * at the end-of-archive blocks; throws TarFormatError on a bad checksum or an archive cut short.
 */
export async function* readTarMembers(reader: ChunkReader): AsyncGenerator<TarMember> {
  let longName: string | null = null;
  let pax: { path?: string; size?: number } = {};
  for (;;) {
    const block = await reader.take(BLOCK);
    if (block === null) throw new TarFormatError('the archive ends without its end-of-archive blocks');
    if (isZeroBlock(block)) return;
    const header = parseTarHeader(block);
    if (header === null) throw new TarFormatError('a header has a bad checksum: not a tar archive, or a damaged one');
    if (header.kind === 'long-name' || header.kind === 'pax' || header.kind === 'pax-global') {
      if (header.size > MAX_META_BYTES) throw new TarFormatError(`a ${header.kind} record of ${header.size} bytes`);
      const data = await reader.take(padded(header.size));
      if (data === null) throw new TarFormatError('the archive is cut off inside a header record');
      const body = data.subarray(0, header.size);
      if (header.kind === 'long-name') longName = body.toString('utf8').replace(/\0+$/, '');
      else if (header.kind === 'pax') pax = parsePaxRecords(body);
      continue;
    }
    const size = pax.size ?? header.size;
    let consumed = false;
    const member: TarMember = {
      ...header,
      name: pax.path ?? longName ?? header.name,
      size,
      data: async (sink) => {
        consumed = true;
        const whole = await reader.forward(size, sink);
        return whole && (await reader.forward(padded(size) - size, null));
      },
      bytes: async () => {
        consumed = true;
        return (await reader.take(padded(size)))?.subarray(0, size) ?? null;
      },
    };
    longName = null;
    pax = {};
    yield member;
    // A member the caller did not read is passed over, so the next header is where it should be.
    if (!consumed && !(await member.data(null))) throw new TarFormatError('the archive is cut off inside a member');
  }
}
