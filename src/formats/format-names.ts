/**
 * The format names of a renderer table, in the table's order: each capability lists its renderers once (the
 * table) and derives the names the CLI offers from it, so the two cannot drift apart.
 */
export function formatNames<T extends object>(table: T): readonly (keyof T & string)[] {
  return Object.keys(table) as (keyof T & string)[];
}
