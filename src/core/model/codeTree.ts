import { parentCode } from '../recognise/rowCode';
import { CodeIndex } from './codeIndex';
import { indexColumn, NumberColumn } from './columns';

/**
 * Links each new criterion to its parent while a table is built, and tells when its code repeats an
 * earlier one. The rule: a node goes under the latest earlier node with its nearest existing ancestor
 * code (a missing "1.2" still leaves "1.2.1" under field 1).
 *
 * Sheets list criteria in order, and while they do no index is needed: each code is then a child of a
 * node on the path to the last node, numbered after its previous sibling (fields numbered upwards), so
 * no code can repeat. The first code out of order indexes the codes so far, and from then on every
 * code is looked up. A big table's index outgrows the CPU cache, which made a 100,000-leaf build cost
 * more per leaf than a small one.
 */
export class CodeTree {
  /** The parent found by the last `add` (-1 for a field). */
  parent = -1;
  private path: number[] = [];
  private index: CodeIndex | null = null;
  private duplicated = false;
  /** In order so far: the number of each node's last child, and of the last field. */
  private lastChildNumber: NumberColumn;
  private lastFieldNumber = -1;

  /** `codes`: the table's code column, where node i's code is put before `add(i)`; `capacity`: most nodes there can be. */
  constructor(
    private codes: string[],
    private parents: NumberColumn,
    private capacity: number,
  ) {
    this.lastChildNumber = indexColumn(capacity, -1);
  }

  /** Links node `i`: sets `parent`, and returns the earlier node whose code it repeats, or -1. */
  add(i: number): number {
    const code = this.codes[i];
    const wanted = parentCode(code);
    if (!this.index) {
      const number = lastNumber(code);
      const parent = wanted === null ? -1 : this.onPath(wanted);
      if (wanted === null ? number > this.lastFieldNumber : parent >= 0 && number > this.lastChildNumber[parent]) {
        if (wanted === null) this.lastFieldNumber = number;
        else this.lastChildNumber[parent] = number;
        this.link(i, parent);
        return -1;
      }
      this.index = new CodeIndex(this.codes, this.capacity);
      for (let j = 0; j < i; j++) this.index.add(this.codes[j], j);
    }
    const seen = this.index.add(code, i);
    if (seen >= 0) this.duplicated = true;
    // After a repeated code, a node on the path may no longer be the latest with its code.
    let parent = wanted !== null && !this.duplicated ? this.onPath(wanted) : -1;
    for (let ancestor = wanted; parent < 0 && ancestor !== null; ancestor = parentCode(ancestor)) parent = this.index.find(ancestor);
    this.link(i, parent);
    return seen;
  }

  private onPath(code: string): number {
    for (let p = this.path.length - 1; p >= 0; p--) if (this.codes[this.path[p]] === code) return this.path[p];
    return -1;
  }

  /** Records the parent and makes node i the end of the path (cut back to the parent, or rebuilt when it is off the path). */
  private link(i: number, parent: number): void {
    this.parent = parent;
    const path = this.path;
    let p = path.length - 1;
    while (p >= 0 && path[p] !== parent) p--;
    if (p >= 0 || parent < 0) {
      path.length = p + 1;
    } else {
      path.length = 0;
      for (let n = parent; n >= 0; n = this.parents[n]) path.unshift(n);
    }
    path.push(i);
  }
}

/** The number after a normalised code's last dot ("1.10" gives 10), read without making a substring. */
function lastNumber(code: string): number {
  // A lettered part ("2.1.a") counts by its letter, so parts in order need no index either.
  const last = code.charCodeAt(code.length - 1);
  if (last >= 97 && last <= 122) return last;
  let n = 0;
  let scale = 1;
  for (let k = code.length - 1; k >= 0; k--) {
    const digit = code.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) break;
    n += digit * scale;
    scale *= 10;
  }
  return n;
}
