import type { SheetAnalysis } from '../../core/analyse';
import { isEmptyChoices } from '../../app/reading';
import type { ColumnChoice, ColumnChoices, ColumnRole, TableReading } from '../../core/recognise';

export { isEmptyChoices };

/**
 * The pane's edits of the user's choice of columns ("Cách đọc bảng"), as pure functions on plain
 * ColumnChoices: never mutated, so the controller can hand the same object to the host to keep.
 * A choice is per sheet (the core's contract), so a pick made on one table of a sheet applies to
 * every table of that sheet.
 */

/** What a pick sets: a column (0-based), null for "Không có" (no such column), undefined for automatic. */
export type ColumnPick = number | null | undefined;

function copyChoices(choices: ColumnChoices | null): ColumnChoices {
  const out: ColumnChoices = {};
  if (choices) for (const sheet in choices) if (Object.prototype.hasOwnProperty.call(choices, sheet)) out[sheet] = { ...choices[sheet] };
  return out;
}

/** A valid pick: a whole column index inside Excel's XFD, null, or undefined. */
export function isValidPick(pick: unknown): pick is ColumnPick {
  return pick === undefined || pick === null || (typeof pick === 'number' && Math.floor(pick) === pick && pick >= 0 && pick <= 16383);
}

/** The column a role has in the sheet's readings now (the first table of the sheet that has it). */
function currentColumn(readings: TableReading[], role: ColumnRole): number | undefined {
  for (const reading of readings) for (const r of reading.roles) if (r.role === role) return r.col;
  return undefined;
}

/** Whether a role other than `except` reads, or is chosen for, the column. */
function columnTaken(readings: TableReading[], own: ColumnChoice, col: number, except: ColumnRole): boolean {
  for (const role in own) if (role !== except && (own as { [r: string]: number | null | undefined })[role] === col) return true;
  for (const reading of readings) for (const r of reading.roles) if (r.role !== except && r.col === col && own[r.role] === undefined) return true;
  return false;
}

/**
 * Sets one role's column in a sheet. A column holds one role (the core takes a choice as it is): when
 * another role reads the picked column now, it moves to the picked role's previous column ("self is E,
 * appraised is F" picked the other way round gives exactly that), else to its best alternative that
 * is free, else to none.
 */
export function withPick(choices: ColumnChoices | null, sheet: string, role: ColumnRole, pick: ColumnPick, readings: TableReading[]): ColumnChoices | null {
  const out = copyChoices(choices);
  const own: ColumnChoice = out[sheet] ? out[sheet] : {};
  if (pick === undefined) delete own[role];
  else {
    const previous = currentColumn(readings, role);
    own[role] = pick;
    if (pick !== null) {
      for (const reading of readings)
        for (const r of reading.roles) {
          if (r.role === role || r.col !== pick) continue;
          let moved: number | null = null;
          if (previous !== undefined && previous !== pick && !columnTaken(readings, own, previous, r.role)) moved = previous;
          else for (const alt of r.alternatives) if (moved === null && alt.col !== pick && !columnTaken(readings, own, alt.col, r.role)) moved = alt.col;
          own[r.role] = moved;
        }
    }
  }
  if (isEmptyChoices(own as ColumnChoices)) delete out[sheet];
  else out[sheet] = own;
  return isEmptyChoices(out) ? null : out;
}

/** "Đặt lại": the sheet read automatically again. */
export function withoutSheet(choices: ColumnChoices | null, sheet: string): ColumnChoices | null {
  const out = copyChoices(choices);
  delete out[sheet];
  return isEmptyChoices(out) ? null : out;
}

/** The readings of every table of a sheet, in order. */
export function readingsOf(sheets: SheetAnalysis[], sheet: string): TableReading[] {
  const out: TableReading[] = [];
  for (const s of sheets) if (s.name === sheet && s.reading) out.push(s.reading);
  return out;
}
