import type { SafeHtml } from '../html/html.js';

/**
 * A `data:image/svg+xml;base64,` URI of a chart, for Markdown (`![title](uri)`): the report stays one
 * self-contained stdout document, no side files. Base64 so no Markdown or URL character needs escaping.
 */
export function svgDataUri(svg: SafeHtml): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg.text, 'utf8').toString('base64')}`;
}

/** A Markdown image of a chart; the alt text has Markdown's bracket characters removed. */
export function renderMarkdownChart(alt: string, svg: SafeHtml): string {
  return `![${alt.replace(/[[\]\\]/g, '')}](${svgDataUri(svg)})`;
}
