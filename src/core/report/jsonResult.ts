import { columnLetters } from '../address';
import type { SheetAnalysis, WorkbookAnalysis } from '../result/types';
import { WorkbookGrid } from '../grid';
import { flagMessage } from '../messages/catalogue';
import { Lang } from '../number/format';
import { percentHundredths, Points, unitsToNumber } from '../number/points';
import { countPlanned } from '../plan/planWorkbook';

/** The machine-readable result of `cchc score --json`: codes normalised, numbers as JSON numbers. */
export interface JsonResult {
  file: string | null;
  profile: string | null;
  sheets: Array<{
    name: string;
    /** 1-based position of the table in its sheet (a sheet may hold Phụ lục 1 then Phụ lục 2). */
    tableIndex: number;
    appendix: string | null;
    fields: Array<{
      code: string;
      /** The sheet's own label of the field ("I", "1."), where `code` is normalised. */
      label: string;
      name: string;
      max: number;
      surveyMax: number;
      self: number;
      selfPercent: number | null;
      appraised: number | null;
      appraisedPercent: number | null;
      /** Points lost in appraisal (self - appraised over the appraised leaves); null without an appraised column. */
      lost: number | null;
    }>;
    total: { max: number; self: number; selfPercent: number | null; appraised: number | null; appraisedPercent: number | null };
    /** With `--explain`: how the table was read. */
    reading?: JsonReading;
  }>;
  skippedSheets: Array<{ name: string; reason: string }>;
  /** appraisedMax: maximum of the sheets with an appraised column, the base of appraisedPercent. */
  total: { max: number; self: number; selfPercent: number | null; appraised: number | null; appraisedMax: number | null; appraisedPercent: number | null };
  flags: Array<{ kind: string; severity: string; sheet: string; cell: string; code: string; score?: string; message: string }>;
  /** Criteria whose appraised score differs from the self-score; difference = appraised - self. */
  differences: Array<{
    sheet: string;
    code: string;
    name: string;
    self: number;
    appraised: number;
    difference: number;
    selfCell: string;
    appraisedCell: string;
    evidence: string;
    explanation: string;
  }>;
  counts: { error: number; warning: number; info: number };
  /** Cells `--out` writes and highlights (counted, no plan made). */
  writes: number;
  highlights: number;
}

/** How a table was read (`cchc score --json --explain`): rows 1-based, columns as letters. */
export interface JsonReading {
  headerRows: { first: number; last: number };
  lastRow: number;
  roles: Array<{ role: string; column: string; label: string; reason: string; hidden?: boolean; alternatives: Array<{ column: string; label: string; hidden?: boolean }> }>;
  /** Hidden columns with a header; null when the host could not tell. */
  hiddenColumns: string[] | null;
  rowCounts: { [kind: string]: number };
  rows: Array<{ row: number; kind: string; label: string; code: string; hidden?: boolean }>;
}

export interface JsonResultOptions {
  /** Add each sheet's `reading`. */
  explain?: boolean;
}

function readingJson(s: SheetAnalysis): JsonReading {
  const r = s.reading;
  const hiddenByCol: { [col: number]: boolean | undefined } = {};
  const hiddenColumns: string[] = [];
  for (let i = 0; i < r.columns.length; i++) {
    hiddenByCol[r.columns[i].col] = r.columns[i].hidden;
    if (r.columns[i].hidden) hiddenColumns.push(columnLetters(r.columns[i].col));
  }
  const rowCounts: { [kind: string]: number } = {};
  const rows = s.table.rowReadings().map(function (row) {
    rowCounts[row.kind] = (rowCounts[row.kind] || 0) + 1;
    const out: JsonReading['rows'][number] = { row: row.row + 1, kind: row.kind, label: row.label, code: row.code };
    if (row.hidden) out.hidden = true;
    return out;
  });
  return {
    headerRows: { first: r.headerTop + 1, last: r.headerBottom + 1 },
    lastRow: r.lastRow + 1,
    roles: r.roles.map(function (role) {
      const out: JsonReading['roles'][number] = {
        role: role.role,
        column: columnLetters(role.col),
        label: role.label,
        reason: role.reason,
        alternatives: role.alternatives.map(function (a) {
          const alt: { column: string; label: string; hidden?: boolean } = { column: columnLetters(a.col), label: a.label };
          if (a.hidden !== undefined) alt.hidden = a.hidden;
          return alt;
        }),
      };
      if (hiddenByCol[role.col] !== undefined) out.hidden = hiddenByCol[role.col];
      return out;
    }),
    hiddenColumns: r.hiddenKnown ? hiddenColumns : null,
    rowCounts: rowCounts,
    rows: rows,
  };
}

function pct(part: Points | null, whole: Points): number | null {
  if (part === null) return null;
  const h = percentHundredths(part, whole);
  return h === null ? null : h / 100;
}

function num(units: Points | null): number | null {
  return units === null ? null : unitsToNumber(units);
}

/** `grid`: the workbook the analysis was made from, against which the cells `--out` would write are counted. */
export function toJsonResult(analysis: WorkbookAnalysis, grid: WorkbookGrid, lang: Lang, options?: JsonResultOptions): JsonResult {
  const planned = countPlanned(analysis, grid);
  const counts = { error: 0, warning: 0, info: 0 };
  // lostByField lists a table's fields in the order of its fields (one per root), by sheet and table.
  const lostBySheet: { [sheet: string]: Points[] } = {};
  for (let i = 0; i < analysis.lostByField.length; i++) {
    const l = analysis.lostByField[i];
    const key = l.sheet + '#' + l.tableIndex;
    (lostBySheet[key] || (lostBySheet[key] = [])).push(l.lost);
  }
  for (let i = 0; i < analysis.flags.length; i++) counts[analysis.flags[i].severity]++;
  return {
    file: analysis.fileName || null,
    profile: analysis.profile ? analysis.profile.id : null,
    sheets: analysis.sheets.map(function (s) {
      const key = s.name + '#' + s.tableIndex;
      const lost = Object.prototype.hasOwnProperty.call(lostBySheet, key) ? lostBySheet[key] : null;
      const sheet: JsonResult['sheets'][number] = {
        name: s.name,
        tableIndex: s.tableIndex,
        appendix: s.appendix ? s.appendix.id : null,
        fields: s.fields.map(function (f, i) {
          return {
            code: f.code,
            label: f.label,
            name: f.name,
            max: unitsToNumber(f.max),
            surveyMax: unitsToNumber(f.surveyMax),
            self: unitsToNumber(f.self),
            selfPercent: pct(f.self, f.max),
            appraised: num(f.appraised),
            appraisedPercent: pct(f.appraised, f.max),
            lost: lost && i < lost.length ? unitsToNumber(lost[i]) : null,
          };
        }),
        total: {
          max: unitsToNumber(s.score.selfAssessableMax),
          self: unitsToNumber(s.score.self),
          selfPercent: pct(s.score.self, s.score.selfAssessableMax),
          appraised: num(s.score.appraised),
          appraisedPercent: pct(s.score.appraised, s.score.selfAssessableMax),
        },
      };
      if (options && options.explain) sheet.reading = readingJson(s);
      return sheet;
    }),
    skippedSheets: analysis.skipped.map(function (s) {
      return { name: s.name, reason: s.reason };
    }),
    total: {
      max: unitsToNumber(analysis.total.max),
      self: unitsToNumber(analysis.total.self),
      selfPercent: pct(analysis.total.self, analysis.total.max),
      appraised: num(analysis.total.appraised),
      appraisedMax: num(analysis.total.appraisedMax),
      appraisedPercent: analysis.total.appraisedMax === null ? null : pct(analysis.total.appraised, analysis.total.appraisedMax),
    },
    flags: analysis.flags.map(function (f) {
      const out: JsonResult['flags'][number] = { kind: f.kind, severity: f.severity, sheet: f.sheet, cell: f.cell, code: f.code, message: flagMessage(f, lang) };
      if (f.score) out.score = f.score;
      return out;
    }),
    differences: analysis.differences.map(function (d) {
      return {
        sheet: d.sheet,
        code: d.code,
        name: d.name,
        self: unitsToNumber(d.self),
        appraised: unitsToNumber(d.appraised),
        difference: unitsToNumber(d.difference),
        selfCell: d.selfCell,
        appraisedCell: d.appraisedCell,
        evidence: d.evidence,
        explanation: d.explanation,
      };
    }),
    counts: counts,
    writes: planned.writes,
    highlights: planned.highlights,
  };
}
