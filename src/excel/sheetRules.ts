/// <reference types="office-js" />
import { a1 } from '../core/address';
import { CellRange } from '../core/grid';
import { SheetRulesRequest } from '../core/host';
import { ruleText } from '../core/messages';
import { formulaAt, Highlight, isMarkedFormula, liveCells, markedFormula, shownLive, SheetRules, TIER_NAME_RX, TIER_SHEET_NAME } from '../core/plan';
import { rangeAddress } from './planCells';
import { GatewaySession, run, SheetShape, sync } from './session';
import { AddedFormat, jsonSize, Op } from './writeQueue';

/**
 * A template that checks itself while the official types (issue 13, item 4), from ExcelApi 1.8: the spec
 * of plan/sheetRules.ts installed in the write's own batch. A data validation on each leaf self-score cell
 * (a drop-down of the levels through a CCHC_MUC_n name of the hidden sheet "Mức điểm CCHC", else a
 * decimal 0..max) with the guidance as its input message; missing evidence and off-tier scores as
 * formula conditional formats (one per area, re-anchored: Office.js adds a format to one range), which
 * replace the static highlight of a cell whose every flag the rule sees (LIVE_KINDS). ES5.
 *
 * The tool's own, recognised as the file patcher recognises them (the marks are the spec's): a
 * conditional format whose formula starts AND(N("CCHC")=0,…; a validation whose error title is the
 * tool's and whose input title reads as the tool's; the names CCHC_MUC_n; the sheet TIER_SHEET_NAME. A
 * recalculation removes them before installing the new ones (never twice), "Xóa đánh dấu" and revert
 * remove them; a cell with a validation of the user's own gets none and keeps it.
 *
 * Which cells carry a validation is read in the read sync: a data validation has no address to list, so
 * every cell of the used range is looked at (type, prompt, error alert), which needs the used range's
 * shape before the batch. The session keeps each sheet's shape from its last read; a sheet it has not
 * read yet is looked at as a whole (`type` 'None': no validation anywhere, nothing more to read), and only
 * a sheet with some validation that this session has not read before costs one more read sync, once.
 */

/** What the read found of one sheet's validations: the user's (never touched) and the tool's (A1 addresses). */
export interface ValidationFound {
  user: CellRange[];
  own: string[];
}

/** The validation look of one sheet, queued on a read batch. */
export interface ValidationProbe {
  sheet: string;
  whole: Excel.DataValidation;
  /** The shape the session knew, or null. */
  shape: SheetShape | null;
  /** Each column of that shape as a whole (absolute column → its validation). */
  columns: { [col: number]: Excel.DataValidation };
  /** The cells of the columns the session knew to hold validations (absolute column → by row from shape.top). */
  cells: { [col: number]: Excel.DataValidation[] };
}

const TOOL_ERROR_TITLES = [ruleText('errorTitle', 'vi'), ruleText('errorTitle', 'en')];
const TOOL_INPUT_TITLES = [ruleText('inputTitle', 'vi', { code: '\u0000' }).split('\u0000')[0], ruleText('inputTitle', 'en', { code: '\u0000' }).split('\u0000')[0]];

/** Whether a validation's titles are the tool's (rulesPart.ts isOwnValidation reads the same in a file). */
export function isOwnValidationTitles(errorTitle: string, inputTitle: string): boolean {
  let input = false;
  for (let i = 0; i < TOOL_INPUT_TITLES.length; i++) if (inputTitle.indexOf(TOOL_INPUT_TITLES[i]) === 0) input = true;
  return input && (errorTitle === TOOL_ERROR_TITLES[0] || errorTitle === TOOL_ERROR_TITLES[1]);
}

/** The tool's conditional formats from 1.6: the highlights' marker or a sheet rule's marked formula. */
export function isRuleFormula(formula: string): boolean {
  return isMarkedFormula(formula);
}

function hasCol(list: number[], col: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === col) return true;
  return false;
}

/**
 * Queues the look at a sheet's validations on a read batch: the used range as a whole; with the shape
 * the session knew, each of its columns as a whole and each cell of the columns that held a validation.
 * @apiFeature sheetRules
 */
export function queueValidationProbe(session: GatewaySession, sheet: string, ws: Excel.Worksheet, used: Excel.Range): ValidationProbe {
  const whole = used.dataValidation;
  whole.load('type');
  const shape = sheet && Object.prototype.hasOwnProperty.call(session.shapes, sheet) ? session.shapes[sheet] : null;
  const probe: ValidationProbe = { sheet: sheet, whole: whole, shape: shape, columns: {}, cells: {} };
  if (!shape || !shape.rows || !shape.cols) return probe;
  for (let c = shape.left; c < shape.left + shape.cols; c++) {
    const column = ws.getRange(rangeAddress(shape.top, c, shape.rows, 1)).dataValidation;
    column.load('type');
    probe.columns[c] = column;
    if (!hasCol(shape.dvCols, c)) continue;
    const cells: Excel.DataValidation[] = [];
    for (let r = 0; r < shape.rows; r++) {
      const dv = ws.getRange(a1(shape.top + r, c)).dataValidation;
      dv.load('type,prompt,errorAlert');
      cells.push(dv);
    }
    probe.cells[c] = cells;
  }
  return probe;
}

/** @apiFeature sheetRules */
function classify(found: ValidationFound, dv: Excel.DataValidation, row: number, col: number): void {
  if (dv.type === 'None') return;
  const errorTitle = dv.errorAlert && dv.errorAlert.title ? String(dv.errorAlert.title) : '';
  const inputTitle = dv.prompt && dv.prompt.title ? String(dv.prompt.title) : '';
  if (isOwnValidationTitles(errorTitle, inputTitle)) found.own.push(a1(row, col));
  else found.user.push({ top: row, left: col, bottom: row, right: col });
}

/**
 * After the sync: the user's and the tool's validations of `sheet`, whose used range is now top, left,
 * rows × cols; null when some cells must still be looked at (a validation in a column whose cells were
 * not, or a used range outside the shape looked at). Remembers the columns with a validation.
 * @apiFeature sheetRules
 */
export function validationsFound(session: GatewaySession, sheet: string, probe: ValidationProbe, top: number, left: number, rows: number, cols: number): ValidationFound | null {
  if (probe.whole.type === 'None') {
    session.shapes[sheet] = { top: top, left: left, rows: rows, cols: cols, dvCols: [] };
    return { user: [], own: [] };
  }
  const shape = probe.shape;
  if (!shape || top < shape.top || left < shape.left || top + rows > shape.top + shape.rows || left + cols > shape.left + shape.cols) return null;
  const found: ValidationFound = { user: [], own: [] };
  const dvCols: number[] = [];
  for (let c = left; c < left + cols; c++) {
    if (probe.columns[c].type === 'None') continue;
    dvCols.push(c);
    const cells = probe.cells[c];
    if (!cells) return null;
    for (let r = top; r < top + rows; r++) classify(found, cells[r - shape.top], r, c);
  }
  session.shapes[sheet] = { top: top, left: left, rows: rows, cols: cols, dvCols: dvCols };
  return found;
}

/**
 * More read syncs, only for the sheets whose validations could not be told from the first (a sheet this
 * session had not read, with some validation): each column as a whole, then each cell of the columns
 * with a validation.
 * @apiFeature sheetRules
 */
export function readValidationDetail(session: GatewaySession, sheets: Array<{ name: string; top: number; left: number; rows: number; cols: number }>): Promise<{ [sheet: string]: ValidationFound }> {
  const look = function (known: boolean): Promise<{ [sheet: string]: ValidationFound | null }> {
    return run(session, function (context: Excel.RequestContext) {
      const probes: ValidationProbe[] = [];
      for (let i = 0; i < sheets.length; i++) {
        const one = sheets[i];
        if (!known) session.shapes[one.name] = { top: one.top, left: one.left, rows: one.rows, cols: one.cols, dvCols: [] };
        const ws = context.workbook.worksheets.getItem(one.name);
        probes.push(queueValidationProbe(session, one.name, ws, ws.getRange(rangeAddress(one.top, one.left, Math.max(1, one.rows), Math.max(1, one.cols)))));
      }
      return sync(session, context).then(function () {
        const out: { [sheet: string]: ValidationFound | null } = {};
        for (let i = 0; i < sheets.length; i++) out[sheets[i].name] = validationsFound(session, sheets[i].name, probes[i], sheets[i].top, sheets[i].left, sheets[i].rows, sheets[i].cols);
        return out;
      });
    });
  };
  // First the columns (which hold a validation), then the cells of those columns.
  return look(false).then(function (first) {
    for (let i = 0; i < sheets.length; i++) {
      if (first[sheets[i].name]) continue;
      const shape = session.shapes[sheets[i].name];
      const cols: number[] = [];
      for (let c = shape.left; c < shape.left + shape.cols; c++) cols.push(c);
      shape.dvCols = cols;
    }
    return look(true).then(function (second) {
      const out: { [sheet: string]: ValidationFound } = {};
      for (let i = 0; i < sheets.length; i++) out[sheets[i].name] = second[sheets[i].name] || { user: [], own: [] };
      return out;
    });
  });
}

/** After a write installed validations: their columns are looked at cell by cell by the next read. */
export function rememberValidationColumns(session: GatewaySession, rules: SheetRules): void {
  for (let s = 0; s < rules.sheets.length; s++) {
    const spec = rules.sheets[s];
    const shape = Object.prototype.hasOwnProperty.call(session.shapes, spec.sheet) ? session.shapes[spec.sheet] : null;
    if (!shape) continue;
    for (let i = 0; i < spec.validations.length; i++) if (!hasCol(shape.dvCols, spec.validations[i].col)) shape.dvCols.push(spec.validations[i].col);
  }
}

/** The tool's defined names among those loaded (workbook.names, items/name). */
export function ownNames(names: Excel.NamedItemCollection): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.items.length; i++) if (TIER_NAME_RX.test(String(names.items[i].name))) out.push(names.items[i].name);
  return out;
}

/** Validations per queued op: a long sheet's split under the payload limit. */
const VALIDATION_CHUNK = 200;

/** What a write or a removal needs to know of the tool's earlier rules, from the read. */
export interface OwnRules {
  /** The tool's validations by sheet (A1 addresses). */
  validations: { [sheet: string]: string[] };
  /** The tool's CCHC_MUC_n names. */
  names: string[];
  /** Whether the sheet of levels exists. */
  tierSheet: boolean;
}

export function hasOwnRules(own: OwnRules): boolean {
  if (own.names.length || own.tierSheet) return true;
  for (const sheet in own.validations) if (Object.prototype.hasOwnProperty.call(own.validations, sheet) && own.validations[sheet].length) return true;
  return false;
}

/**
 * Queues the removal of the tool's earlier rules (their conditional formats go with the highlights'):
 * validations cleared cell by cell, names deleted, the sheet of levels deleted unless `keepTierSheet`
 * (a write that rewrites it).
 * @apiFeature sheetRules
 */
export function queueRemoveRules(ops: Op[], own: OwnRules, keepTierSheet: boolean): void {
  const sheets: string[] = [];
  for (const sheet in own.validations) if (Object.prototype.hasOwnProperty.call(own.validations, sheet) && own.validations[sheet].length) sheets.push(sheet);
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i];
    const cells = own.validations[sheet];
    ops.push({
      size: 100 + jsonSize(cells) * 2,
      apply: function (context: Excel.RequestContext) {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (let k = 0; k < cells.length; k++) ws.getRange(cells[k]).dataValidation.clear();
      },
    });
  }
  const names = own.names;
  const dropSheet = own.tierSheet && !keepTierSheet;
  if (!names.length && !dropSheet) return;
  ops.push({
    size: 100 + jsonSize(names) * 2,
    apply: function (context: Excel.RequestContext) {
      for (let k = 0; k < names.length; k++) context.workbook.names.getItem(names[k]).delete();
      if (dropSheet) context.workbook.worksheets.getItem(TIER_SHEET_NAME).delete();
    },
  });
}

/** The rules a write installed, to take them back if its batch fails. */
export interface AddedRules {
  validations: Array<{ sheet: string; address: string }>;
  names: string[];
  tierSheetAdded: boolean;
}

/**
 * Queues the installation of `rules`: the sheet of levels (added, or cleared and rewritten), hidden, its
 * names, then the validations and the conditional formats (pushed on `added`, their ids loaded for a
 * rollback).
 * @apiFeature sheetRules
 */
export function queueInstallRules(ops: Op[], rules: SheetRules, tierSheetExists: boolean, added: AddedFormat[], installed: AddedRules): void {
  const tier = rules.tierTable;
  if (tier) {
    let width = 1;
    for (let i = 0; i < tier.rows.length; i++) if (tier.rows[i].values.length > width) width = tier.rows[i].values.length;
    const values: Array<Array<string | number>> = [];
    const title: Array<string | number> = [tier.title];
    for (let c = 1; c < width; c++) title.push('');
    values.push(title);
    for (let i = 0; i < tier.rows.length; i++) {
      const row: Array<string | number> = [];
      for (let c = 0; c < width; c++) row.push(c < tier.rows[i].values.length ? tier.rows[i].values[c] : '');
      values.push(row);
    }
    installed.tierSheetAdded = !tierSheetExists;
    ops.push({
      size: 300 + jsonSize(values) + jsonSize(tier.rows.length * 80),
      apply: function (context: Excel.RequestContext) {
        const sheets = context.workbook.worksheets;
        let ws: Excel.Worksheet;
        if (tierSheetExists) {
          ws = sheets.getItem(tier.sheet);
          ws.getRange().clear();
        } else ws = sheets.add(tier.sheet);
        ws.getRange(rangeAddress(0, 0, values.length, width)).values = values;
        ws.visibility = 'Hidden';
        for (let i = 0; i < tier.rows.length; i++) {
          context.workbook.names.add(tier.rows[i].definedName, '=' + tier.rows[i].source);
          installed.names.push(tier.rows[i].definedName);
        }
      },
    });
  }
  for (let s = 0; s < rules.sheets.length; s++) {
    const spec = rules.sheets[s];
    // In chunks, each op's size its request's (six calls a cell), so a long sheet splits under the payload limit.
    for (let first = 0; first < spec.validations.length; first += VALIDATION_CHUNK) {
      const chunk = spec.validations.slice(first, first + VALIDATION_CHUNK);
      ops.push({
        size: 200 + jsonSize(chunk) + chunk.length * 150,
        apply: function (context: Excel.RequestContext) {
          const ws = context.workbook.worksheets.getItem(spec.sheet);
          for (let i = 0; i < chunk.length; i++) {
            const v = chunk[i];
            const range = ws.getRange(v.address);
            range.dataValidation.clear();
            if (v.kind === 'list') range.dataValidation.rule = { list: { inCellDropDown: true, source: '=' + v.definedName } };
            else if (v.max !== null) range.dataValidation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
            else range.dataValidation.rule = { decimal: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } };
            range.dataValidation.ignoreBlanks = true;
            range.dataValidation.prompt = { showPrompt: true, title: v.inputTitle, message: v.inputMessage };
            range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.errorMessage };
            installed.validations.push({ sheet: spec.sheet, address: v.address });
          }
        },
      });
    }
    for (let r = 0; r < spec.rules.length; r++) {
      const rule = spec.rules[r];
      const color = '#' + rule.fill.replace(/^#/, '').toUpperCase();
      ops.push({
        size: 200 + rule.areas.length * (150 + rule.formula.length),
        apply: function (context: Excel.RequestContext) {
          const ws = context.workbook.worksheets.getItem(spec.sheet);
          for (let a = 0; a < rule.areas.length; a++) {
            const area = rule.areas[a];
            const cf = ws.getRange(area.address).conditionalFormats.add('Custom');
            cf.custom.rule.formula = '=' + markedFormula(formulaAt(rule.template, area.top));
            cf.custom.format.fill.color = color;
            cf.load('id');
            added.push({ sheet: spec.sheet, address: area.address, cf: cf });
          }
        },
      });
    }
  }
}

/**
 * Failure path: the validations, names and sheet of levels the failed batch installed go (the earlier
 * rules it removed are not put back: the next recalculation installs them again).
 * @apiFeature sheetRules
 */
export function undoInstalledRules(context: Excel.RequestContext, installed: AddedRules): void {
  for (let i = 0; i < installed.validations.length; i++) context.workbook.worksheets.getItem(installed.validations[i].sheet).getRange(installed.validations[i].address).dataValidation.clear();
  for (let i = 0; i < installed.names.length; i++) context.workbook.names.getItemOrNullObject(installed.names[i]).delete();
  if (installed.tierSheetAdded) context.workbook.worksheets.getItemOrNullObject(TIER_SHEET_NAME).delete();
}

/** The user's validated cells by sheet, for buildSheetRules. */
export function userValidation(found: { [sheet: string]: ValidationFound }): { [sheet: string]: CellRange[] } {
  const out: { [sheet: string]: CellRange[] } = {};
  for (const sheet in found) if (Object.prototype.hasOwnProperty.call(found, sheet)) out[sheet] = found[sheet].user;
  return out;
}

/** The spec of the request's analysis, given the cells with the user's own validation. */
export function buildRules(request: SheetRulesRequest, found: { [sheet: string]: ValidationFound }): SheetRules {
  return request.build(request.analysis, request.lang, { userValidation: userValidation(found) });
}

/** The highlights a rule does not show live: the static path keeps them (LIVE_KINDS). */
export function staticHighlights(highlights: Highlight[], rules: SheetRules, request: SheetRulesRequest): Highlight[] {
  const live = liveCells(rules);
  const kinds: { [key: string]: string[] } = {};
  const flags = request.analysis.flags;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (!f.cell) continue;
    const key = f.sheet + '!' + f.cell;
    if (!kinds[key]) kinds[key] = [];
    kinds[key].push(f.kind);
  }
  const out: Highlight[] = [];
  for (let i = 0; i < highlights.length; i++) {
    const h = highlights[i];
    const k = kinds[h.sheet + '!' + h.address] || [];
    if (!shownLive(live, h.sheet, h.row, h.col, k)) out.push(h);
  }
  return out;
}

export { TIER_SHEET_NAME };
