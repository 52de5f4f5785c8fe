/**
 * Make variables in layers: a Kbuild file's own assignments over kbuild's shared ones (8,000+ CONFIG_ symbols).
 * Copying the shared layer for each of ~1,400 directories and every branch not taken was the evaluator's main cost.
 */
import type { MakeVar } from './make-expand.js';

export class VarScope {
  // null marks a variable deleted in this layer (undefine, or a $(call) argument that was unset before).
  private readonly own = new Map<string, MakeVar | null>();

  constructor(private readonly parent: VarScope | ReadonlyMap<string, MakeVar> | null = null) {}

  get(name: string): MakeVar | undefined {
    const v = this.own.get(name);
    if (v !== undefined) return v ?? undefined;
    return this.parent?.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: MakeVar): void {
    this.own.set(name, value);
  }

  delete(name: string): void {
    this.own.set(name, null);
  }
}
