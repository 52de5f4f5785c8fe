/**
 * A small, forgiving XML event reader: enough for JUnit reports, which are flat and simple. It never throws:
 * malformed markup becomes text, an unterminated construct ends the stream. Comments, processing
 * instructions and DOCTYPE are skipped; CDATA is text; the five named entities and numeric references are
 * decoded. (A dependency such as fast-xml-parser would build a whole tree; streaming keeps a million-line
 * report in bounded memory.)
 */

export type XmlEvent =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attrs: XmlAttributes;
      readonly empty: boolean;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

/**
 * A tag's attributes, kept as offsets into the document and sliced only when asked for: a report has a tag per
 * line, and most attributes (`time`, `timestamp`, …) are never read. The first of repeated names wins.
 */
export class XmlAttributes {
  /** `keyStart, keyEnd, valueStart, valueEnd` per attribute. */
  constructor(
    private readonly xml: string,
    private readonly offsets: readonly number[],
  ) {}

  get(name: string): string | undefined {
    const o = this.offsets;
    for (let i = 0; i + 3 < o.length; i += 4) {
      const start = o[i] as number;
      if ((o[i + 1] as number) - start === name.length && this.xml.startsWith(name, start)) return this.value(i);
    }
    return undefined;
  }

  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (let i = 0; i + 3 < this.offsets.length; i += 4) {
      out.push([this.xml.slice(this.offsets[i], this.offsets[i + 1]), this.value(i)]);
    }
    return out;
  }

  private value(i: number): string {
    const v = this.xml.slice(this.offsets[i + 2], this.offsets[i + 3]);
    return v.indexOf('&') === -1 ? v : decodeXmlEntities(v);
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references; unknown entities stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Calls `visit` for each event in document order. Returns false if the text ended inside markup. */
export function readXmlEvents(xml: string, visit: (event: XmlEvent) => void): boolean {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      emitText(xml.slice(i), visit);
      return true;
    }
    if (lt > i && !isBlank(xml, i, lt)) emitText(xml.slice(i, lt), visit);
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, lt + 4, '-->');
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return false;
      visit({ kind: 'text', text: xml.slice(lt + 9, end) });
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) i = skipPast(xml, lt + 2, '?>');
    else if (xml.startsWith('<!', lt)) i = skipPast(xml, lt + 2, '>');
    else {
      const gt = tagEnd(xml, lt + 1);
      if (gt === -1) return false;
      tag(xml, lt + 1, gt, visit);
      i = gt + 1;
    }
    if (i === -1) return false;
  }
  return true;
}

/** The `>` that closes a tag: attribute values may contain `>` (failure messages often do). */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

function skipPast(xml: string, from: number, marker: string): number {
  const end = xml.indexOf(marker, from);
  return end === -1 ? -1 : end + marker.length;
}

function emitText(text: string, visit: (event: XmlEvent) => void): void {
  // Whitespace between tags is most of the text in a report: skip it without allocating.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
      visit({ kind: 'text', text: decodeXmlEntities(text) });
      return;
    }
  }
}

const isXmlSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** One tag between `<` and `>` (`from`..`to` of `xml`), scanned by hand: a report has a tag per line. */
function tag(xml: string, from: number, to: number, visit: (event: XmlEvent) => void): void {
  if (xml.charCodeAt(from) === 47 /* / */) {
    visit({ kind: 'close', name: xml.slice(from + 1, to).trim() });
    return;
  }
  const empty = xml.charCodeAt(to - 1) === 47;
  const end = empty ? to - 1 : to;
  let i = from;
  while (i < end && !isXmlSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 47) i++;
  if (i === from) return;
  const name = xml.slice(from, i);
  const offsets: number[] = [];
  while (i < end) {
    while (i < end && isXmlSpace(xml.charCodeAt(i))) i++;
    const keyStart = i;
    while (i < end && xml.charCodeAt(i) !== 61 /* = */ && !isXmlSpace(xml.charCodeAt(i))) i++;
    const keyEnd = i;
    while (i < end && isXmlSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) {
      i++; // not an attribute (stray text): skip a character and look again
      continue;
    }
    i++;
    while (i < end && isXmlSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close === -1 || close > end) break;
    if (keyEnd > keyStart) offsets.push(keyStart, keyEnd, i + 1, close);
    i = close + 1;
  }
  visit({ kind: 'open', name, attrs: new XmlAttributes(xml, offsets), empty });
}
