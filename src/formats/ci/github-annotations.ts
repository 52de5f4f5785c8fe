/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`). The one place their escaping
 * lives: the message escapes `%`, CR and LF; property values also `:` and `,` (as @actions/core does), so a
 * CVE title can neither end the command early nor forge another one.
 */

/** GitHub shows at most 10 error and 10 warning annotations per step: kgap emits at most this many in all. */
export const MAX_ANNOTATIONS = 10;

export type Annotation = {
  readonly level: 'error' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  readonly file?: string | null;
  readonly line?: number | null;
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line. */
export function renderAnnotation(a: Annotation): string {
  const props = [
    ...(a.file ? [`file=${escapeProperty(a.file)}`] : []),
    ...(a.file && a.line ? [`line=${a.line}`] : []),
    `title=${escapeProperty(a.title)}`,
  ];
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}`;
}

/** The annotations (at most MAX_ANNOTATIONS, in the order given: most important first) and a closing line. */
export function renderAnnotations(annotations: readonly Annotation[], closing: string): string {
  const lines = annotations.slice(0, MAX_ANNOTATIONS).map(renderAnnotation);
  return `${[...lines, escapeData(closing)].join('\n')}\n`;
}
