import { indexColumn, NumberColumn } from './columns';

/**
 * Criterion codes to node indexes while a table is built: an open-addressing hash table in two
 * numeric columns. A plain object keyed by 100,000 codes cost more than all the rest of the build
 * (each key is interned into the engine's global string table, and the dictionary outgrows the CPU
 * cache); here a code is hashed once and compared as a string only when the hashes agree.
 * Slot s holds the node index + 1 (0: empty) at 2s and the code's hash at 2s + 1, so a probe reads
 * one cache line.
 */
export class CodeIndex {
  private slots: NumberColumn;
  private mask: number;

  /** `codes`: the table's code column, filled as nodes are added; `capacity`: most nodes there can be. */
  constructor(
    private codes: string[],
    capacity: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = indexColumn(size * 2, 0);
    this.mask = size - 1;
  }

  /** The latest node with this code, or -1. */
  find(code: string): number {
    const h = hashOf(code);
    for (let slot = h & this.mask; this.slots[2 * slot] !== 0; slot = (slot + 1) & this.mask) {
      const node = this.slots[2 * slot] - 1;
      if (this.slots[2 * slot + 1] === h && this.codes[node] === code) return node;
    }
    return -1;
  }

  /** Makes node `index` the latest with `code`; returns the node it takes over from (a duplicate code), or -1. */
  add(code: string, index: number): number {
    const h = hashOf(code);
    let slot = h & this.mask;
    for (; this.slots[2 * slot] !== 0; slot = (slot + 1) & this.mask) {
      const node = this.slots[2 * slot] - 1;
      if (this.slots[2 * slot + 1] === h && this.codes[node] === code) {
        this.slots[2 * slot] = index + 1;
        return node;
      }
    }
    this.slots[2 * slot] = index + 1;
    this.slots[2 * slot + 1] = h;
    return -1;
  }
}

/** A 32-bit string hash without Math.imul (which Internet Explorer 11 lacks): products stay exact in doubles. */
function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
