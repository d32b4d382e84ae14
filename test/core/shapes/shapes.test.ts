import { analyseWorkbook } from '../../../src/core/analyse';
import { displayText } from '../../../src/core/recognise/cellText';
import { encodeTcvn3, encodeVni } from '../../../src/core/text/legacyEncodings';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { gridToXlsxBytes } from '../../helpers/gridXlsx';
import { CLASSIC_VARIANTS, generateShape, GeneratedShape, GenerateOptions, NEW_VARIANTS, NewVariant } from './generator';
import { checkShape, report, ShapeFailure } from './shapeCheck';

/**
 * Issue 10's proof: recognition is right on shapes nobody tuned for. Each workbook comes from a
 * seeded generator that knows what it planted (generator.ts): the totals of every table, the
 * problems (missing evidence, off-tier scores, wrong hand totals) and whether the column choice was
 * made ambiguous on purpose. The truth never comes from running the core.
 *
 * SHAPES_SEED moves the seeds (default 1), SHAPES_RUNS the number of mixed shapes (default 500).
 * A failure prints its seeds, counts by kind and by variant, and a dump of the smallest failing sheets;
 * `generateShape(seed)` gives the same workbook again.
 */

const BASE = Number(process.env.SHAPES_SEED || 1);
const RUNS = Number(process.env.SHAPES_RUNS || 500);
// The same workbooks again, through the file: written with ExcelJS and read back as the CLI reads them.
const XLSX_RUNS = RUNS;
const PER_VARIANT = 25;
const PER_PAIR = 4;
const PER_TRIPLE = 2;

function shapesOf(count: number, offset: number, options?: GenerateOptions): GeneratedShape[] {
  const shapes: GeneratedShape[] = [];
  for (let i = 0; i < count; i++) shapes.push(generateShape(BASE + offset + i, options));
  return shapes;
}

function judge(title: string, shapes: GeneratedShape[]): void {
  const failures: ShapeFailure[] = [];
  for (const shape of shapes) {
    const failure = checkShape(shape, analyseWorkbook(shape.grid, shape.options));
    if (failure) failures.push(failure);
  }
  if (failures.length) throw new Error(report(title, shapes.length, failures, shapes));
}

// Seeds of the mixed run start at BASE; the other runs use their own ranges, so they are other workbooks.
const mixed = shapesOf(RUNS, 0);

describe('the shape generator itself (no core involved)', () => {
  test('the same seed gives the same workbook and truth', () => {
    for (const seed of [BASE, BASE + 17, BASE + 123]) {
      const a = generateShape(seed);
      const b = generateShape(seed);
      expect(JSON.stringify(b.grid)).toBe(JSON.stringify(a.grid));
      expect(b.truth).toEqual(a.truth);
    }
  });

  test('the mixed run covers every variant, each many times', () => {
    const counts: { [v: string]: number } = {};
    for (const s of mixed) for (const v of s.variants) counts[v] = (counts[v] || 0) + 1;
    const thin = ([] as string[]).concat(NEW_VARIANTS as unknown as string[], CLASSIC_VARIANTS as unknown as string[]).filter((v) => (counts[v] || 0) < Math.min(10, RUNS / 50));
    expect(thin).toEqual([]);
    // And the problems the truth plants.
    const planted: { [k: string]: number } = {};
    for (const s of mixed) for (const p of s.truth.problems) planted[p.kind] = (planted[p.kind] || 0) + 1;
    expect(Object.keys(planted).sort()).toEqual(['hand-total-mismatch', 'missing-evidence', 'off-tier']);
  });

  test('a forced variant is in every shape made with it', () => {
    for (const v of NEW_VARIANTS) {
      for (const s of shapesOf(5, 100000, { classic: true, with: [v] })) expect(s.variants).toContain(v);
    }
  });

  test('its truth adds up: workbook = sum of tables; fields of a table add up to the table', () => {
    for (const s of mixed) {
      let max = 0;
      let self = 0;
      for (const t of s.truth.tables) {
        max += t.max;
        self += t.self;
        expect(t.fields.reduce((n, f) => n + f.max, 0)).toBe(t.max);
        expect(t.fields.reduce((n, f) => n + f.self, 0)).toBe(t.self);
      }
      expect(s.truth.total).toEqual({ max: max, self: self });
    }
  });

  test('legacy text reads back: decoding by its font and encoding again gives the stored text', () => {
    let seen = 0;
    for (const s of mixed) {
      for (const sheet of s.grid.sheets) {
        for (const row of sheet.rows) {
          for (const cell of row || []) {
            if (!cell || !cell.font || typeof cell.value !== 'string') continue;
            seen++;
            const decoded = displayText(cell);
            const again = cell.font === '.VnTime' ? encodeTcvn3(decoded) : encodeVni(decoded);
            expect(again).toBe(cell.value);
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});

describe('classic shapes (what the core read before issue 10): every one right', () => {
  test('200 classic shapes: totals, tables and planted problems', () => {
    judge('classic shapes', shapesOf(200, 200000, { classic: true }));
  });
});

describe('one new variant at a time, on otherwise classic shapes', () => {
  test.each(NEW_VARIANTS.map((v) => [v]))('%s', (variant) => {
    judge('classic + ' + variant, shapesOf(PER_VARIANT, 300000 + NEW_VARIANTS.indexOf(variant as NewVariant) * 1000, { classic: true, with: [variant as NewVariant] }));
  });
});

/** Every combination of `k` new variants, `per` shapes each, on otherwise classic shapes; failing combinations listed first. */
function judgeCombinations(k: number, per: number, offset: number): void {
  const combos: NewVariant[][] = [];
  const pick = (start: number, chosen: NewVariant[]): void => {
    if (chosen.length === k) {
      combos.push(chosen);
      return;
    }
    for (let i = start; i < NEW_VARIANTS.length; i++) pick(i + 1, chosen.concat([NEW_VARIANTS[i]]));
  };
  pick(0, []);
  const shapes: GeneratedShape[] = [];
  const comboOf = new Map<GeneratedShape, string>();
  combos.forEach((combo, c) => {
    for (const shape of shapesOf(per, offset + c * 10, { classic: true, with: combo })) {
      shapes.push(shape);
      comboOf.set(shape, combo.join('+'));
    }
  });
  const failures: ShapeFailure[] = [];
  for (const shape of shapes) {
    const failure = checkShape(shape, analyseWorkbook(shape.grid, shape.options));
    if (failure) failures.push(failure);
  }
  if (failures.length) {
    const byCombo: { [combo: string]: number } = {};
    for (const f of failures) byCombo[comboOf.get(f.shape)!] = (byCombo[comboOf.get(f.shape)!] || 0) + 1;
    const listed = Object.keys(byCombo)
      .sort((x, y) => byCombo[y] - byCombo[x])
      .map((x) => x + ' ' + byCombo[x] + '/' + per);
    throw new Error('failing combinations: ' + listed.join('; ') + '\n' + report(k + ' new variants together', shapes.length, failures, shapes));
  }
}

describe('new variants together, on otherwise classic shapes', () => {
  test('every pair, ' + PER_PAIR + ' shapes each', () => judgeCombinations(2, PER_PAIR, 500000));
  test('every triple, ' + PER_TRIPLE + ' shapes each', () => judgeCombinations(3, PER_TRIPLE, 600000));
});

describe('mixed shapes', () => {
  test(RUNS + ' generated workbooks through analyseWorkbook: totals and fields equal the truth, every planted problem is flagged, never a silent wrong total', () => {
    judge('mixed shapes', mixed);
  });
});

describe('through real .xlsx files', () => {
  test(
    XLSX_RUNS + ' generated workbooks written with ExcelJS (merges, hidden rows and columns) and read back as the CLI reads them',
    async () => {
      const shapes = mixed;
      const failures: ShapeFailure[] = [];
      for (const shape of shapes) {
        const bytes = await gridToXlsxBytes(shape.grid);
        const grid = await readGridFromXlsxBytes(bytes, shape.grid.fileName || 'shape.xlsx');
        const failure = checkShape(shape, analyseWorkbook(grid, shape.options));
        if (failure) failures.push(failure);
      }
      if (failures.length) throw new Error(report('.xlsx shapes', shapes.length, failures, shapes));
    },
    300000,
  );
});
