/**
 * Judges one analysis against a generated shape's truth (see generator.ts). Shared by the grid
 * run and the .xlsx run. Points are compared exactly, in the core's integer units.
 */
import { WorkbookAnalysis } from '../../../src/core/analyse';
import { unitsToPlainString } from '../../../src/core/number/points';
import { dumpShape, GeneratedShape, NEW_VARIANTS, Variant } from './generator';

export interface ShapeFailure {
  shape: GeneratedShape;
  /** Short categories, for the counts ("total.self", "flag off-tier"…). */
  categories: string[];
  messages: string[];
}

function p(units: number): string {
  return unitsToPlainString(units);
}

export function checkShape(shape: GeneratedShape, analysis: WorkbookAnalysis): ShapeFailure | null {
  const truth = shape.truth;
  const categories: string[] = [];
  const messages: string[] = [];
  const fail = (category: string, message: string): void => {
    if (categories.indexOf(category) < 0) categories.push(category);
    messages.push(message);
  };
  const flagged = analysis.flags.some((f) => (f.kind === 'ambiguous-column' || f.kind === 'ambiguous-structure') && f.sheet === truth.ambiguousSheet);
  // An ambiguous shape passes with an ambiguous-* flag; without one, its totals must be right.
  const judgeTotals = !(truth.ambiguous && flagged);

  if (judgeTotals) {
    if (analysis.total.max !== truth.total.max) fail('total.max', 'workbook max ' + p(analysis.total.max) + ', truth ' + p(truth.total.max));
    if (analysis.total.self !== truth.total.self) fail(truth.ambiguous ? 'ambiguous: silent wrong total' : 'total.self', 'workbook self ' + p(analysis.total.self) + ', truth ' + p(truth.total.self));
    for (const t of truth.tables) {
      const got = analysis.sheets.filter((s) => s.name === t.sheet && s.tableIndex === t.tableIndex)[0];
      if (!got) {
        const found = analysis.sheets.filter((s) => s.name === t.sheet).map((s) => '#' + s.tableIndex);
        fail(
          'table missing',
          'no table "' + t.sheet + '" #' + t.tableIndex + ' (found ' + (found.join(', ') || 'none') + (analysis.skipped.some((s) => s.name === t.sheet) ? ', sheet skipped' : '') + ')',
        );
        continue;
      }
      if (got.score.selfAssessableMax !== t.max) fail('table.max', '"' + t.sheet + '" #' + t.tableIndex + ' max ' + p(got.score.selfAssessableMax) + ', truth ' + p(t.max));
      if (got.score.self !== t.self)
        fail(truth.ambiguous ? 'ambiguous: silent wrong total' : 'table.self', '"' + t.sheet + '" #' + t.tableIndex + ' self ' + p(got.score.self) + ', truth ' + p(t.self));
      // Field by field: path code ("2" for "II"), self-assessable max and self (group rows A/B are not fields).
      const want = t.fields.map((f) => f.code + '=' + p(f.max) + '/' + p(f.self)).join(' ');
      const have = got.fields.map((f) => f.code + '=' + p(f.max) + '/' + p(f.self)).join(' ');
      if (want !== have) fail(truth.ambiguous ? 'ambiguous: silent wrong total' : 'fields', '"' + t.sheet + '" #' + t.tableIndex + ' fields (code=max/self) ' + have + ', truth ' + want);
    }
    for (const s of analysis.sheets) {
      if (!truth.tables.some((t) => t.sheet === s.name && t.tableIndex === s.tableIndex)) {
        fail(truth.summarySheets.indexOf(s.name) >= 0 ? 'summary scored' : 'extra table', 'scored a table the truth does not have: "' + s.name + '" #' + s.tableIndex);
      }
    }
  }
  for (const problem of truth.problems) {
    const hit = analysis.flags.some((f) => f.kind === problem.kind && f.sheet === problem.sheet && f.cell === problem.cell);
    if (!hit) {
      const near = analysis.flags.filter((f) => f.sheet === problem.sheet && (f.kind === problem.kind || f.cell === problem.cell)).map((f) => f.kind + '@' + f.cell);
      fail(
        'flag ' + problem.kind,
        'planted ' +
          problem.kind +
          ' at ' +
          problem.sheet +
          '!' +
          problem.cell +
          ' (' +
          (problem.code || 'total row') +
          ': ' +
          problem.why +
          ') not flagged' +
          (near.length ? '; nearby flags: ' + near.join(', ') : ''),
      );
    }
  }
  // A deduction subtracts and is no error: no error flag on its score cell (a "negative" one least of all).
  for (const c of truth.clean) {
    const errors = analysis.flags.filter((f) => f.sheet === c.sheet && f.cell === c.cell && f.severity === 'error');
    if (errors.length) fail('deduction flagged ' + errors[0].kind, c.sheet + '!' + c.cell + ' (' + c.code + ': ' + c.why + ') flagged ' + errors.map((f) => f.kind).join(', '));
  }
  return categories.length ? { shape: shape, categories: categories, messages: messages } : null;
}

/** The failures of a run as one readable report: counts by category and by variant, then the first few shapes. */
export function report(title: string, runs: number, failures: ShapeFailure[], shapes: GeneratedShape[], dumps = 2): string {
  const lines: string[] = [title + ': ' + failures.length + ' of ' + runs + ' shapes wrong'];
  const byCategory: { [c: string]: number } = {};
  for (const f of failures) for (const c of f.categories) byCategory[c] = (byCategory[c] || 0) + 1;
  lines.push(
    'by kind of failure: ' +
      Object.keys(byCategory)
        .sort()
        .map((c) => c + ' ×' + byCategory[c])
        .join('; '),
  );
  // Failure rate per new variant: which shapes the core does not read yet.
  const rates: string[] = [];
  for (const v of NEW_VARIANTS as readonly Variant[]) {
    const having = shapes.filter((s) => s.variants.indexOf(v) >= 0).length;
    if (!having) continue;
    const failing = failures.filter((f) => f.shape.variants.indexOf(v) >= 0).length;
    rates.push(v + ' ' + failing + '/' + having);
  }
  const classicOnly = shapes.filter((s) => !s.variants.some((v) => (NEW_VARIANTS as readonly string[]).indexOf(v) >= 0));
  if (classicOnly.length) rates.push('(no new variant) ' + failures.filter((f) => classicOnly.indexOf(f.shape) >= 0).length + '/' + classicOnly.length);
  lines.push('failing/having, per variant: ' + rates.join('; '));
  lines.push(
    'failing seeds: ' +
      failures
        .slice(0, 40)
        .map((f) => f.shape.seed)
        .join(', ') +
      (failures.length > 40 ? ', …' : ''),
  );
  // The smallest failing shapes are the easiest to read.
  const sorted = failures.slice().sort((a, b) => size(a.shape) - size(b.shape));
  for (let i = 0; i < Math.min(dumps, sorted.length); i++) {
    lines.push('');
    lines.push('=== ' + sorted[i].messages.join('\n    '));
    lines.push(dumpShape(sorted[i].shape));
  }
  return lines.join('\n');
}

function size(shape: GeneratedShape): number {
  let n = 0;
  for (const s of shape.grid.sheets) n += s.rows.length;
  return n;
}
