import { a1 } from '../address';
import { unitsToPlainString } from '../number/points';
import { ScoreRef } from '../score/scoreTable';

/** Excel's SUM takes at most 255 arguments; longer lists are nested SUMs of SUMs. */
const MAX_ARGUMENTS = 255;

/**
 * SUM formula (without "=") over score references, with runs of adjacent cells in one
 * column written as ranges ("E7:E9") so a table of thousands of leaves stays short.
 */
export function sumFormula(refs: ScoreRef[]): string {
  const args = compact(refs);
  if (args.length === 0) return '0';
  return nest(args);
}

function nest(args: string[]): string {
  if (args.length <= MAX_ARGUMENTS) return 'SUM(' + args.join(',') + ')';
  const groups: string[] = [];
  for (let i = 0; i < args.length; i += MAX_ARGUMENTS) groups.push(nest(args.slice(i, i + MAX_ARGUMENTS)));
  return nest(groups);
}

function compact(refs: ScoreRef[]): string[] {
  const cells: Array<{ row: number; col: number }> = [];
  const literals: string[] = [];
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if ('literal' in ref) literals.push(unitsToPlainString(ref.literal));
    else if (ref.decimalMark) literals.push((ref.negate ? '-' : '') + 'NUMBERVALUE(' + a1(ref.row, ref.col) + (ref.decimalMark === ',' ? ',",","."' : ',".",","') + ')');
    else if (ref.negate) literals.push('-' + a1(ref.row, ref.col));
    else cells.push(ref);
  }
  cells.sort(function (a, b) {
    return a.col - b.col || a.row - b.row;
  });
  const args: string[] = [];
  let i = 0;
  while (i < cells.length) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].col === cells[i].col && cells[j + 1].row === cells[j].row + 1) j++;
    args.push(i === j ? a1(cells[i].row, cells[i].col) : a1(cells[i].row, cells[i].col) + ':' + a1(cells[j].row, cells[j].col));
    i = j + 1;
  }
  return args.concat(literals);
}
