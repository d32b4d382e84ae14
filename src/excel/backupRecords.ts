import { CellScalar } from '../core/grid';

/**
 * The backup the gateway writes before every write: one JSON record per row of the tool-owned sheet
 * "CCHC_backup", so "Hoàn tác lần ghi gần nhất" can restore exactly. ES5.
 */

export const BACKUP_SHEET_NAME = 'CCHC_backup';

/** One row of the backup sheet (JSON in column A). */
export type BackupRecord =
  | { k: 'meta'; v: 1; summaryExisted: boolean; summary?: CellScalar[][]; level: string }
  /** A written cell: previous formula-or-constant (Range.formulas entry) and number format. */
  | { k: 'w'; s: string; a: string; f: CellScalar; nf: string }
  /** A highlighted cell: the tool's colour, whether as conditional format, and the previous fill when known. */
  | { k: 'h'; s: string; a: string; c: string; cf: boolean; fill?: string | null };

export function parseBackup(values: unknown[][]): BackupRecord[] | null {
  const out: BackupRecord[] = [];
  for (let r = 0; r < values.length; r++) {
    const text = values[r][0];
    if (typeof text !== 'string' || text.charAt(0) !== '{') continue;
    try {
      out.push(JSON.parse(text));
    } catch (e) {
      /* a row someone typed: ignore */
    }
  }
  return out.length && out[0].k === 'meta' ? out : null;
}
