import fc from 'fast-check';
import { findHeader } from '../../../src/core/recognise/header';
import { buildTable } from '../../../src/core/model/buildTable';
import { normaliseCode, parentCode } from '../../../src/core/recognise/rowCode';
import { ScoreRef, SELF_CONFLICT, SELF_EMPTY, scoreTable } from '../../../src/core/score/scoreTable';
import { HEADER, sheet } from '../../helpers/gridBuilder';

/**
 * The table is built into parallel arrays, its parents found on the path to the last node first. Whatever
 * order the codes come in (duplicates, missing levels, roman fields), the tree must be the one the plain
 * rule gives: each node under the latest earlier node with its nearest existing ancestor code.
 */
// Roman fields are left out: under them, "1", "2" are criteria renumbered per field (outline numbering, below).
const CODES = ['1', '2', '1.1', '1.2', '2.1', '1.1.1', '1.1.2', '1.2.1', '2.1.1', '3.1.1', '1.1.1.1', '2.2'];
const row = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('code' as const),
      code: fc.constantFrom(...CODES),
      score: fc.constantFrom<number | string | null>(null, 0, 0.5, 1, '0,5', '1.0', '1,25 điểm', 'x', 'abc'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tier' as const), points: fc.constantFrom(null, 0, 0.5, 1), mark: fc.constantFrom<string | number | null>(null, 'x', '0,5', 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function gridOf(rows: Row[]) {
  const body = rows.map((r) => {
    if (r.kind === 'code') return [r.code, 'Tiêu chí ' + r.code, 1, r.score, 'KH 1'];
    if (r.kind === 'tier') return ['-', 'Mức', r.points, r.mark];
    return [null, null, null, null];
  });
  return sheet('S', [['BẢNG CHẤM ĐIỂM'], HEADER, ...body]);
}

/** The rule, written the plain way: a dictionary of the latest node per code. */
function expectedTree(rows: Row[]) {
  const latest: { [code: string]: number } = {};
  const parents: number[] = [];
  const codes: string[] = [];
  const duplicates: string[] = [];
  const tierCounts: number[] = [];
  for (const r of rows) {
    if (r.kind === 'tier' && codes.length) tierCounts[codes.length - 1]++;
    if (r.kind !== 'code') continue;
    const code = normaliseCode(r.code)!;
    if (latest[code] !== undefined && duplicates.indexOf(code) < 0) duplicates.push(code);
    let ancestor = parentCode(code);
    while (ancestor !== null && latest[ancestor] === undefined) ancestor = parentCode(ancestor);
    parents.push(ancestor === null ? -1 : latest[ancestor]);
    latest[code] = codes.length;
    codes.push(code);
    tierCounts.push(0);
  }
  return { parents, codes, duplicates, tierCounts };
}

function tableOf(rows: Row[]) {
  const grid = gridOf(rows);
  return buildTable(grid, findHeader(grid)!);
}

/** A numeric column's entries, as a plain list. */
function valuesOf(column: { [i: number]: number; length: number }): number[] {
  return Array.from({ length: column.length }, (_, i) => column[i]);
}

const codeRows = (codes: string[]): Row[] => codes.map((code) => ({ kind: 'code' as const, code, score: 1 }));

describe('the flat table model', () => {
  test('finds the same parents, duplicates and tier rows as the plain rule', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const table = tableOf(rows);
        const expected = expectedTree(rows);
        const k = table.criteria;
        expect(k.code).toEqual(expected.codes);
        expect(valuesOf(k.parent)).toEqual(expected.parents);
        expect(table.duplicateCodes.map((d) => d.code).sort()).toEqual(expected.duplicates.sort());
        expect(valuesOf(k.tierEnd).map((end, i) => end - k.tierStart[i])).toEqual(expected.tierCounts);
      }),
      { numRuns: 500 },
    );
  });

  test('after a repeated code, a node on the path is no longer trusted as the latest with its code', () => {
    // "1.1" again after "1.1.1": "1.1.1.1" still goes under the first "1.1.1", but "1.1.2" under the second "1.1".
    const rows = codeRows(['1', '1.1', '1.1.1', '1.1', '1.1.1.1', '1.1.2']);
    const table = tableOf(rows);
    expect(valuesOf(table.criteria.parent)).toEqual(expectedTree(rows).parents);
    expect(table.criteria.parent[5]).toBe(3);
  });

  test.each([
    ['a repeat after codes in order', ['1', '1.1', '1.2', '2', '2.1', '1.1', '1.1.1']],
    ['siblings out of order', ['1', '1.2', '1.1', '1.1.1', '1.2.1']],
    ['fields out of order and repeated', ['2', '2.1', '1', '1.1', '2', '2.2']],
    ['a missing level', ['1', '1.1', '1.1.1', '1.3.1', '1.3', '1.3.2']],
  ])('%s: the same tree as the plain rule', (_, codes) => {
    const rows = codeRows(codes as string[]);
    const table = tableOf(rows);
    const expected = expectedTree(rows);
    expect(valuesOf(table.criteria.parent)).toEqual(expected.parents);
    expect(table.duplicateCodes.map((d) => d.code).sort()).toEqual(expected.duplicates.sort());
  });

  test.each([
    [
      'outline: roman fields, criteria renumbered under each, dotted codes under those',
      ['I', '1', '1.1', '1.2', '2', 'II', '1', '1.1'],
      ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '2.1.1'],
      [-1, 0, 1, 1, 0, -1, 5, 6],
    ],
    ['roman fields with dotted codes that already name them', ['I', '1.1', '1.2', 'II', '2.1', '2.1.1'], ['1', '1.1', '1.2', '2', '2.1', '2.1.1'], [-1, 0, 0, -1, 3, 4]],
    ['arabic fields stay fields', ['1', '1.1', '2', '2.1'], ['1', '1.1', '2', '2.1'], [-1, 0, -1, 2]],
  ])('%s', (_, labels, codes, parents) => {
    const table = tableOf(codeRows(labels as string[]));
    expect(table.criteria.code).toEqual(codes);
    expect(table.criteria.rawCode).toEqual(labels);
    expect(valuesOf(table.criteria.parent)).toEqual(parents);
    expect(table.duplicateCodes).toEqual([]);
  });

  test('the node objects, made on demand, agree with the columns and the scores', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const table = tableOf(rows);
        const score = scoreTable(table);
        const k = table.criteria;
        expect(table.nodes.length).toBe(k.row.length);
        expect(table.roots.map((n) => n.index)).toEqual(table.rootIndexes);
        table.nodes.forEach((node, i) => {
          expect(node.index).toBe(i);
          expect(node.cells.row).toBe(k.row[i]);
          expect(node.parent ? node.parent.index : -1).toBe(k.parent[i]);
          for (const child of node.children) expect(child.parent).toBe(node);
          expect(node.tierRows.map((t) => t.cells.row)).toEqual(valuesOf(table.tiers.row).slice(k.tierStart[i], k.tierEnd[i]));
          const ns = score.byNode(node);
          expect(ns).toBe(score.nodes[i]);
          expect(ns.leaf).toBe(node.children.length === 0);
          expect(ns.self.units).toBe(score.figures.self[i]);
          expect(ns.max).toBe(score.figures.max[i]);
          // The figures (what the pipeline reads) and the objects (what callers read) follow the same rules.
          expect(ns.self.empty).toBe((score.figures.state[i] & SELF_EMPTY) !== 0);
          expect(ns.self.conflictingTiers).toBe((score.figures.state[i] & SELF_CONFLICT) !== 0);
          if (!ns.leaf) {
            expect(ns.self.units).toBe(node.children.reduce((sum, c) => sum + score.byNode(c).self.units, 0));
            // A parent's SUM terms: each child parent's own cell, each leaf's own terms as scoring made them.
            const terms = node.children
              .filter((c) => !(c.survey && score.byNode(c).selfAssessableMax === 0))
              .flatMap((c): ScoreRef[] => (c.children.length ? [{ row: c.cells.row, col: table.columns.self! }] : score.byNode(c).self.refs))
              .map((ref) => ('literal' in ref ? ref : { row: ref.row, col: ref.col, ...(ref.decimalMark ? { decimalMark: ref.decimalMark } : {}) }));
            expect(ns.self.refs).toEqual(terms);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
