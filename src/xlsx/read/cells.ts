import { CellScalar, GridCell } from '../../core/grid';
import { T_BOOLEAN, T_DATE, T_FORMULA, T_HYPERLINK, T_MERGE, T_NULL, T_NUMBER, T_RICH_TEXT, T_STRING } from '../cellTypes';
import { fromFileFormula } from '../futureFunctions';
import { decodeAddress } from './cellAddress';
import { bad } from './malformed';
import { RawValue, RichValue, Run, richText } from './richText';
import { slideFormulaAsExcelJs } from './sharedFormulas';
import { isDateFmt, StyleModel, Styles } from './styles';

// Cells: one <c> as ExcelJS models it, then as the grid's cell.

/** One <c> as ExcelJS's CellXform models it after reconcile (dates already serial numbers). */
export interface CellModel {
  address: string | undefined;
  type: number;
  value: RawValue;
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
  sharedFormula?: string;
  result?: RawValue;
  text?: RawValue;
  hyperlink?: string;
  style: StyleModel | null;
  /** The ExcelJS Cell's own address (from r, "$" dropped), once placed. */
  cellAddress?: string;
  translated?: string | null;
}

const MS_PER_DAY = 86400000;
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;
const MAX_DATE_MS = 8.64e15;

/** ExcelJS's excelToDate followed by the oracle's dateSerial (test/helpers/excelJsOracle.ts), without the Date object. */
function dateRoundTrip(v: unknown, date1904: boolean): number | null {
  const n = typeof v === 'number' ? v : Number(v);
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return null; // Invalid Date
  return (ms === 0 ? 0 : ms) / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

interface Scalarised {
  value: CellScalar;
  error?: string;
}

function scalarise(v: unknown): Scalarised {
  if (v === null || v === undefined) return { value: null };
  const t = typeof v;
  if (t === 'number' || t === 'string' || t === 'boolean') return { value: v as CellScalar };
  if (t === 'object') {
    const o = v as { error?: string; richText?: Run[]; text?: unknown };
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if (Array.isArray(o.richText)) return { value: richText(o.richText) };
    if (o.text !== undefined) return scalarise(o.text);
  }
  return { value: null };
}

function fontOf(m: CellModel): string | undefined {
  const font = m.style && m.style.font;
  return font && font.name ? font.name : undefined;
}

/** A worksheet's cell models as parsed, by 0-based row and column, and its hidden rows. */
export interface SheetState {
  rows: Array<Array<CellModel | undefined> | undefined>;
  /** Whether each row's (last) <row> element says hidden, by 0-based row. */
  hiddenRows: boolean[];
}

/** Mirrors what ExcelJS's public getters give for a cell of this model (test/helpers/excelJsOracle.ts oracleCell). */
export function toGridCell(m: CellModel, sheet: SheetState): GridCell | null {
  const type = m.type;
  if (type === T_NULL || type === T_MERGE) return null;
  let out: GridCell;
  switch (type) {
    case T_NUMBER:
    case T_STRING:
    case T_BOOLEAN:
    case T_DATE: {
      const v = m.value;
      if (v !== null && typeof v === 'object') {
        const s = scalarise(v);
        out = s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
      } else {
        out = { value: v === undefined ? null : (v as CellScalar) };
      }
      break;
    }
    case T_RICH_TEXT: {
      const v = m.value as RichValue;
      const runs = v && Array.isArray(v.richText) ? v.richText : [];
      out = { value: richText(runs) };
      const font = fontOf(m) || (runs.length && runs[0].font && runs[0].font.name) || undefined;
      if (font) out.font = font;
      return out;
    }
    case T_FORMULA: {
      const formula = m.formula || translatedFormula(m, sheet);
      const s = scalarise(m.result);
      out = { value: s.value };
      // As ExcelJS shows it, minus the prefix: the core sees "NUMBERVALUE", not the file's "_xlfn.NUMBERVALUE".
      if (formula) out.formula = fromFileFormula(formula);
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    case T_HYPERLINK: {
      const s = scalarise(m.text);
      out = { value: s.value };
      if (m.hyperlink) out.hyperlink = m.hyperlink;
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    default: {
      // T_ERROR
      const s = scalarise(m.value);
      out = s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
    }
  }
  const font = fontOf(m);
  if (font) out.font = font;
  return out;
}

/** A shared-formula clone's text: the master's formula slid to this cell (ExcelJS's FormulaValue). */
function translatedFormula(m: CellModel, sheet: SheetState): string | undefined {
  if (m.translated !== undefined) return m.translated || undefined;
  let result: string | null = null;
  if (m.sharedFormula) {
    const a = decodeAddress(m.sharedFormula);
    const row = a.row !== undefined ? sheet.rows[a.row - 1] : undefined;
    const master = row && a.col !== undefined ? row[a.col - 1] : undefined;
    if (master && master.type === T_FORMULA) {
      const f = master.formula || translatedFormula(master, sheet);
      // ExcelJS slides from the master cell's own address to this model's address.
      if (f) result = slideFormulaAsExcelJs(f, master.cellAddress as string, m.address as string);
    }
  }
  m.translated = result;
  return result || undefined;
}

/** What every cell of a workbook is read against. */
export interface ParseOptions {
  styles: Styles | null;
  sharedStrings: RawValue[] | null;
  date1904: boolean;
}

/**
 * ExcelJS's CellXform.reconcile and the link pass after it: style resolved, shared string looked
 * up, numbers under a date format turned into dates, shared formulas tied to their master (formulae:
 * master address by si), a cell with a hyperlink made a link.
 */
export function reconcileCell(m: CellModel, styleId: number | undefined, opts: ParseOptions, formulae: Record<string, string>, hyperlinkMap: Record<string, string>): void {
  const style = styleId && opts.styles ? opts.styles.get(styleId) : null;
  m.style = style || null;
  switch (m.type) {
    case T_STRING:
      if (typeof m.value === 'number' && opts.sharedStrings) {
        m.value = opts.sharedStrings[m.value];
        if (m.value === undefined) bad('shared string index out of range');
      }
      if (m.value !== null && typeof m.value === 'object' && (m.value as RichValue).richText) m.type = T_RICH_TEXT;
      break;
    case T_NUMBER:
      if (style && isDateFmt(style.numFmt)) {
        m.type = T_DATE;
        m.value = dateRoundTrip(m.value, opts.date1904);
      }
      break;
    case T_FORMULA:
      if (m.result !== undefined && style && isDateFmt(style.numFmt)) m.result = dateRoundTrip(m.result, opts.date1904);
      if (m.shareType === 'shared') {
        if (m.ref) formulae[m.si as string] = m.address as string;
        else {
          m.sharedFormula = formulae[m.si as string];
          m.shareType = undefined;
        }
      }
      break;
    default:
      break;
  }
  const link = hyperlinkMap[m.address as string];
  if (link) {
    if (m.type === T_FORMULA) {
      m.text = m.result;
      m.result = undefined;
    } else {
      m.text = m.value;
      m.value = undefined;
    }
    m.type = T_HYPERLINK;
    m.hyperlink = link;
  }
}
