/**
 * Fixed-size numeric columns of the flat table model. Typed arrays keep their numbers outside the
 * garbage-collected heap, so a big table's columns are neither copied nor scanned by the young
 * generation's collections. Internet Explorer 10+ has them; where an engine does not, plain arrays
 * behave the same.
 */
export interface NumberColumn {
  [index: number]: number;
  readonly length: number;
}

const HAS_TYPED_ARRAYS = typeof Int32Array !== 'undefined' && typeof Float64Array !== 'undefined';

function plain(count: number, fill: number): NumberColumn {
  const list = new Array<number>(count);
  for (let i = 0; i < count; i++) list[i] = fill;
  return list;
}

/** Row numbers and node indexes (whole numbers well inside 32 bits), initially `fill`. */
export function indexColumn(count: number, fill: number): NumberColumn {
  if (!HAS_TYPED_ARRAYS) return plain(count, fill);
  const column = new Int32Array(count);
  if (fill !== 0) for (let i = 0; i < count; i++) column[i] = fill;
  return column;
}

/** Points (millionths, beyond 32 bits in a big table's totals), NaN for "none", initially `fill`. */
export function pointsColumn(count: number, fill: number): NumberColumn {
  if (!HAS_TYPED_ARRAYS) return plain(count, fill);
  const column = new Float64Array(count);
  if (fill !== 0) for (let i = 0; i < count; i++) column[i] = fill;
  return column;
}

/** The first `count` entries of a column (a view on a typed array: nothing is copied). */
export function cutColumn(column: NumberColumn, count: number): NumberColumn {
  if (column.length === count) return column;
  if (HAS_TYPED_ARRAYS && (column instanceof Int32Array || column instanceof Float64Array)) return column.subarray(0, count);
  (column as number[]).length = count;
  return column;
}
