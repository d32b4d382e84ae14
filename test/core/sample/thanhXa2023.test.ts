import { a1 } from '../../../src/core/address';
import { analyseWorkbook } from '../../../src/core/analyse';
import { cellAt, GridCell, SheetGrid } from '../../../src/core/grid';
import { buildSampleGrid, ILLUSTRATIVE_NOTICE, SAMPLE_EXPECTED, SAMPLE_SHEET_NAMES, SampleWorkbook } from '../../../src/core/sample/thanhXa2023';

/**
 * The sample's expected figures are checked against the grid by a deliberately simple, separate
 * reading (integer hundredths of a point, header labels found by text): no core code is used
 * except in the last block, which runs the real pipeline on the sample.
 */

const sample: SampleWorkbook = buildSampleGrid();
const sheetNamed = (name: string): SheetGrid => sample.sheets.filter((s) => s.name === name)[0];

/** Points to integer hundredths: 14.35 -> 1435, "0,5" -> 50. */
function hundredths(value: number | string): number {
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim().replace(',', '.');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error('not a 2-decimal number: ' + value);
  return Number(m[1]) * 100 + Number(((m[2] || '') + '00').slice(0, 2));
}

function value(sheet: SheetGrid, row: number, col: number): GridCell['value'] {
  const cell = cellAt(sheet, row, col);
  return cell ? cell.value : null;
}

function findText(sheet: SheetGrid, text: string): { row: number; col: number } {
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] || [];
    for (let c = 0; c < row.length; c++) if (row[c] && row[c]!.value === text) return { row: r, col: c };
  }
  throw new Error(sheet.name + ': no cell "' + text + '"');
}

interface Columns {
  code: number;
  name: number;
  max: number;
  self: number;
  evidence: number;
  guidance: number;
  note: number;
}

const LABELS: { [sheet: string]: { [role in keyof Columns]: string } } = {
  'Phụ lục 1': {
    code: 'STT',
    name: 'Lĩnh vực, tiêu chí, tiêu chí thành phần',
    max: 'Tối đa',
    self: 'Tự đánh giá',
    evidence: 'Tài liệu kiểm chứng',
    guidance: 'Hướng dẫn chấm điểm',
    note: 'Ghi chú, giải trình',
  },
  'Phụ lục 2': { code: 'STT', name: 'Nội dung', max: 'Thang điểm', self: 'Điểm tự chấm', evidence: 'Minh chứng', guidance: 'Cách tính điểm', note: 'Ghi chú' },
};

interface Row {
  row: number;
  code: string; // normalised: roman first segment -> arabic, trailing dot dropped
  name: string;
  max: number | null; // hundredths
  selfRaw: number | string | null;
  evidence: GridCell | null;
  guidance: string;
  note: string;
  tiers: Array<{ row: number; name: string; points: number; chosen: boolean }>;
  children: Row[];
  parent: Row | null;
}

const ROMAN: { [r: string]: string } = { I: '1', II: '2', III: '3', IV: '4', V: '5', VI: '6', VII: '7' };

function normalise(code: string): string {
  const parts = code.replace(/\.$/, '').split('.');
  if (ROMAN[parts[0]]) parts[0] = ROMAN[parts[0]];
  return parts.join('.');
}

interface Table {
  sheet: SheetGrid;
  cols: Columns;
  firstBodyRow: number;
  rows: Row[];
  fields: Row[];
  totalRow: number;
}

function readTable(name: string): Table {
  const sheet = sheetNamed(name);
  const labels = LABELS[name];
  const cols = {} as Columns;
  for (const role of Object.keys(labels) as Array<keyof Columns>) cols[role] = findText(sheet, labels[role]).col;
  const firstBodyRow = findText(sheet, '(1)').row + 1;
  const rows: Row[] = [];
  const byCode: { [code: string]: Row } = {};
  let totalRow = -1;
  for (let r = firstBodyRow; r < sheet.rows.length; r++) {
    const name = String(value(sheet, r, cols.name) ?? '');
    if (name === 'Tổng cộng') {
      totalRow = r;
      break;
    }
    const code = String(value(sheet, r, cols.code) ?? '');
    const max = value(sheet, r, cols.max);
    if (code === '-') {
      const last = rows[rows.length - 1];
      last.tiers.push({ row: r, name, points: hundredths(max as number), chosen: value(sheet, r, cols.self) === 'x' });
      continue;
    }
    const n = normalise(code);
    const parentCode = n.indexOf('.') >= 0 ? n.slice(0, n.lastIndexOf('.')) : null;
    const row: Row = {
      row: r,
      code: n,
      name,
      max: typeof max === 'number' ? hundredths(max) : null,
      selfRaw: value(sheet, r, cols.self) as number | string | null,
      evidence: cellAt(sheet, r, cols.evidence),
      guidance: String(value(sheet, r, cols.guidance) ?? ''),
      note: String(value(sheet, r, cols.note) ?? ''),
      tiers: [],
      children: [],
      parent: parentCode ? byCode[parentCode] : null,
    };
    if (parentCode) expect(byCode[parentCode]).toBeDefined();
    if (row.parent) row.parent.children.push(row);
    byCode[n] = row;
    rows.push(row);
  }
  expect(totalRow).toBeGreaterThan(0);
  return { sheet, cols, firstBodyRow, rows, fields: rows.filter((r) => !r.parent), totalRow };
}

const isSurvey = (row: Row): boolean => /ĐTXHH/.test(row.name) || (row.parent !== null && isSurvey(row.parent));

/** A leaf's score in hundredths: the number (or text number) on its row, else the "x" tier's points. */
function leafScore(leaf: Row): number {
  if (leaf.selfRaw !== null) return hundredths(leaf.selfRaw);
  const chosen = leaf.tiers.filter((t) => t.chosen);
  expect(chosen).toHaveLength(1);
  return chosen[0].points;
}

function leaves(row: Row): Row[] {
  return row.children.length ? ([] as Row[]).concat(...row.children.map(leaves)) : [row];
}

const sumMax = (row: Row): number => (row.children.length ? row.children.reduce((s, c) => s + sumMax(c), 0) : row.max!);

function hasEvidence(cell: GridCell | null): boolean {
  return !!cell && (!!cell.hyperlink || !!cell.formula || String(cell.value ?? '').trim() !== '');
}

const pl1 = readTable('Phụ lục 1');
const pl2 = readTable('Phụ lục 2');
const tables = [pl1, pl2];

/** Seed facts, copied from the domain brief (not from the sample module). */
const SEED_FIELDS: Array<[string, string, number, number]> = [
  ['1', 'Công tác chỉ đạo điều hành', 1500, 1435],
  ['2', 'Cải cách thể chế', 500, 500],
  ['3', 'Cải cách thủ tục hành chính', 1850, 1778],
  ['4', 'Cải cách tổ chức bộ máy chính quyền địa phương', 600, 600],
  ['5', 'Cải cách chế độ công vụ', 1100, 800],
  ['6', 'Cải cách tài chính công', 700, 700],
  ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 1150, 1000],
];

describe('the sample grid', () => {
  test('two sheets, Phụ lục 1 and Phụ lục 2, each with the illustrative notice above the table', () => {
    expect(sample.sheets.map((s) => s.name)).toEqual(SAMPLE_SHEET_NAMES);
    expect(SAMPLE_EXPECTED.sheets.map((s) => s.name)).toEqual(SAMPLE_SHEET_NAMES);
    expect(ILLUSTRATIVE_NOTICE).toContain('chỉ mang tính minh họa');
    for (const t of tables) {
      const notice = findText(t.sheet, ILLUSTRATIVE_NOTICE);
      expect(notice.row).toBeLessThan(t.firstBodyRow - 3);
      findText(t.sheet, 'UBND XÃ THANH XÁ');
      findText(t.sheet, 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND XÃ THANH XÁ');
    }
    findText(pl1.sheet, 'PHỤ LỤC 1');
    findText(pl2.sheet, 'PHỤ LỤC 2');
  });

  test('two-row merged headers and a column-number row; Phụ lục 2 orders its columns differently', () => {
    const merges = (s: SheetGrid) => (s.merges || []).map((m) => a1(m.top, m.left) + ':' + a1(m.bottom, m.right));
    expect(merges(pl1.sheet)).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'C7:D7', 'E7:E8', 'F7:F8', 'G7:G8', 'H7:H8']));
    expect(value(pl1.sheet, 6, 2)).toBe('Điểm');
    expect(findText(pl1.sheet, 'Tỷ lệ (%)')).toEqual({ row: 6, col: 4 });
    expect(pl1.cols).toEqual({ code: 0, name: 1, max: 2, self: 3, evidence: 5, guidance: 6, note: 7 });
    expect(pl1.firstBodyRow).toBe(9);
    expect(merges(pl2.sheet)).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'C7:C8', 'D7:E7', 'F7:F8', 'G7:G8']));
    expect(pl2.cols).toEqual({ code: 0, name: 1, max: 3, self: 4, evidence: 2, guidance: 5, note: 6 });
    expect(pl2.firstBodyRow).toBe(9);
    for (const t of tables) expect(value(t.sheet, t.firstBodyRow - 1, 1)).toBe('(2)');
  });

  test("Phụ lục 1 has the seed fields, names and maxima; leaf scores add up to Thanh Xá's field scores", () => {
    expect(pl1.fields.map((f) => [f.code, f.name, f.max])).toEqual(SEED_FIELDS.map((f) => [f[0], f[1], f[2]]));
    for (let i = 0; i < pl1.fields.length; i++) {
      const field = pl1.fields[i];
      expect(leaves(field).reduce((s, l) => s + leafScore(l), 0)).toBe(SEED_FIELDS[i][3]);
      const expected = SAMPLE_EXPECTED.sheets[0].fields[i];
      expect([expected.code, expected.rawCode, expected.name, hundredths(expected.max), hundredths(expected.self), expected.surveyMax]).toEqual([
        field.code,
        field.code,
        field.name,
        field.max,
        SEED_FIELDS[i][3],
        0,
      ]);
    }
    const total = pl1.fields.reduce((s, f) => s + leaves(f).reduce((t, l) => t + leafScore(l), 0), 0);
    expect(total).toBe(6813);
    expect(pl1.fields.reduce((s, f) => s + f.max!, 0)).toBe(7400);
    expect(hundredths(SAMPLE_EXPECTED.sheets[0].total.self)).toBe(6813);
    expect(hundredths(SAMPLE_EXPECTED.sheets[0].total.max)).toBe(7400);
    expect(value(pl1.sheet, pl1.totalRow, pl1.cols.max)).toBe(74);
    expect(value(pl1.sheet, pl1.totalRow, pl1.cols.self)).toBeNull();
  });

  test('every typed maximum equals the sum of its children, down to the leaves', () => {
    for (const t of tables) {
      for (const row of t.rows) {
        expect(row.max).not.toBeNull();
        if (row.children.length) expect([row.code, sumMax(row)]).toEqual([row.code, row.max]);
        // Tier rows carry their points in the max column; the top level is the leaf maximum.
        if (row.tiers.length) expect(Math.max(...row.tiers.map((x) => x.points))).toBe(row.max);
      }
      const typedTotal = hundredths(value(t.sheet, t.totalRow, t.cols.max) as number);
      expect(typedTotal).toBe(t.fields.reduce((s, f) => s + f.max!, 0));
      expect(typedTotal).toBe(hundredths(SAMPLE_EXPECTED.sheets[tables.indexOf(t)].typedTotalMax));
    }
  });

  test('parents leave their self-score empty, except the one wrong hand total', () => {
    const typedParents = ([] as Array<{ sheet: string; row: Row }>).concat(
      ...tables.map((t) => t.rows.filter((r) => r.children.length && r.selfRaw !== null).map((row) => ({ sheet: t.sheet.name, row }))),
    );
    expect(typedParents).toHaveLength(1);
    const { sheet, row } = typedParents[0];
    const computed = leaves(row).reduce((s, l) => s + leafScore(l), 0);
    expect(hundredths(row.selfRaw!)).not.toBe(computed);
    const problem = SAMPLE_EXPECTED.problems.filter((p) => p.kind === 'hand-total-mismatch');
    expect(problem).toEqual([{ sheet, cell: a1(row.row, pl1.cols.self), code: row.code, kind: 'hand-total-mismatch' }]);
  });

  test('Phụ lục 2: impact criterion 2/2 under a roman field; survey criteria carry no self-score', () => {
    const [impact, survey] = pl2.fields;
    expect([value(pl2.sheet, impact.row, 0), impact.code, impact.max]).toEqual(['I', '1', 200]);
    expect(impact.children.map((c) => [value(pl2.sheet, c.row, 0), c.name, c.max, leafScore(c)])).toEqual([
      ['I.1', 'Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND cấp xã giao', 200, 200],
    ]);
    expect(String(impact.children[0].evidence!.value)).toMatch(/^Nghị quyết số/);
    expect(isSurvey(survey)).toBe(true);
    expect(survey.children.length).toBeGreaterThanOrEqual(2);
    for (const c of survey.children) {
      expect([null, 'ĐTXHH']).toContain(c.selfRaw);
      expect(c.guidance).toBe('Điểm do điều tra xã hội học (ĐTXHH)');
    }
    const [e1, e2] = SAMPLE_EXPECTED.sheets[1].fields;
    expect([e1.code, e1.rawCode, hundredths(e1.max), hundredths(e1.self), e1.surveyMax]).toEqual(['1', 'I', 200, 200, 0]);
    expect([e2.code, e2.rawCode, e2.max, e2.self, hundredths(e2.surveyMax)]).toEqual(['2', 'II', 0, 0, sumMax(survey)]);
    expect(SAMPLE_EXPECTED.sheets[1].total).toEqual({ max: 2, self: 2, surveyMax: 24 });
    expect(SAMPLE_EXPECTED.total).toEqual({ max: 76, self: 70.13 });
  });

  test("3.1.2 has the seed's two tiers and is scored 0,5 on its own row", () => {
    const row = pl1.rows.filter((r) => r.code === '3.1.2')[0];
    expect(row.name).toBe('Mức độ hoàn thành kế hoạch rà soát, đánh giá thủ tục hành chính');
    expect(row.max).toBe(100);
    expect(row.selfRaw).toBe(0.5);
    expect(row.tiers.map((t) => [value(pl1.sheet, t.row, 0), t.name, t.points, t.chosen])).toEqual([
      ['-', 'Hoàn thành 100% kế hoạch', 100, false],
      ['-', 'Hoàn thành dưới 100% kế hoạch', 0, false],
    ]);
  });

  test('field 5 loses its 3 points on the civil-servant evaluation, explained in the note', () => {
    const row = pl1.rows.filter((r) => /đánh giá, xếp loại/.test(r.name) && !r.children.length)[0];
    expect(row.code.split('.')[0]).toBe('5');
    expect([row.max, row.selfRaw]).toEqual([300, 0]);
    expect(row.note).toBe('Năm 2023 xã chưa thực hiện đánh giá, xếp loại cán bộ, công chức');
  });

  test('the deliberate problems are exactly the ones listed, and each is what it says', () => {
    const found: Array<{ sheet: string; cell: string; code: string; kind: string }> = [];
    for (const t of tables) {
      for (const row of t.rows) {
        if (row.children.length || isSurvey(row)) continue;
        const score = leafScore(row);
        const scoreCell = a1(row.row, t.cols.self);
        if (typeof row.selfRaw === 'string') {
          expect(row.selfRaw).toBe('0,5');
          found.push({ sheet: t.sheet.name, cell: scoreCell, code: row.code, kind: 'text-number' });
        }
        if (score > 0 && !hasEvidence(row.evidence)) found.push({ sheet: t.sheet.name, cell: a1(row.row, t.cols.evidence), code: row.code, kind: 'missing-evidence' });
        // Allowed levels: tier rows, else "N điểm" in the guidance (plus 0 and the max); proportional: 0..max.
        let allowed: number[] | null = null;
        if (row.tiers.length) allowed = row.tiers.map((x) => x.points);
        else if (/tỷ lệ %.*×/.test(row.guidance)) allowed = null;
        else {
          const words = row.guidance.match(/\d+(,\d+)? điểm/g) || [];
          allowed = words.map((w) => hundredths(w.replace(' điểm', ''))).concat([0, row.max!]);
        }
        expect(score).toBeLessThanOrEqual(row.max!);
        if (allowed && allowed.indexOf(score) < 0) found.push({ sheet: t.sheet.name, cell: scoreCell, code: row.code, kind: 'off-tier' });
        if (row.tiers.length && row.selfRaw === null) expect(row.tiers.filter((x) => x.chosen)).toHaveLength(1);
      }
    }
    const expected = SAMPLE_EXPECTED.problems.filter((p) => p.kind !== 'hand-total-mismatch');
    const key = (p: { cell: string; kind: string }) => p.kind + ' ' + p.cell;
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
    expect(found).toEqual(expect.arrayContaining(expected.map((p) => ({ sheet: p.sheet, cell: p.cell, code: p.code, kind: p.kind }))));
    expect(SAMPLE_EXPECTED.problems.filter((p) => p.kind === 'missing-evidence')).toHaveLength(2);
  });

  test('leaves scored with "x" on a tier row, guidance tiers in words, proportional criteria with two decimals', () => {
    const xLeaves = pl1.rows.filter((r) => r.tiers.some((x) => x.chosen));
    expect(xLeaves.length).toBeGreaterThanOrEqual(3);
    for (const l of xLeaves) expect(l.selfRaw).toBeNull();
    expect(pl1.rows.some((r) => r.guidance === 'Ban hành đúng thời hạn: 0,5 điểm; ban hành chậm: 0,25 điểm; không ban hành: 0 điểm')).toBe(true);
    const proportional = pl1.rows.filter((r) => r.guidance === 'Điểm = tỷ lệ % hồ sơ giải quyết đúng hạn × điểm tối đa');
    expect(proportional).toHaveLength(1);
    expect(leafScore(proportional[0]) % 10).not.toBe(0);
    expect(pl1.rows.filter((r) => /^\d+\.\d+\.\d+\.$/.test(String(value(pl1.sheet, r.row, 0)))).length).toBeGreaterThanOrEqual(2);
  });

  test('evidence: citations, several per cell, hyperlinks to files and one HYPERLINK() formula', () => {
    const cells = pl1.rows.map((r) => r.evidence).filter((c): c is GridCell => !!c);
    const links = cells.filter((c) => c.hyperlink);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.length).toBeLessThanOrEqual(3);
    for (const l of links) expect(l.hyperlink).toMatch(/^https:\/\/thanhxa\.thanhha\.haiduong\.gov\.vn\//);
    expect(links.filter((l) => /\.pdf$/.test(l.hyperlink!)).length).toBeGreaterThanOrEqual(2);
    const formulas = cells.filter((c) => c.formula);
    expect(formulas).toEqual([{ value: 'Kế hoạch số 20/KH-UBND', formula: 'HYPERLINK("https://thanhxa.thanhha.haiduong.gov.vn/van-ban/kh-20-2023.pdf","Kế hoạch số 20/KH-UBND")' }]);
    expect(cells.some((c) => /\n/.test(String(c.value)))).toBe(true);
    expect(cells.some((c) => /; /.test(String(c.value)))).toBe(true);
    for (const cite of ['Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã', 'Quyết định số 45/QĐ-UBND ngày 20/3/2023', 'Báo cáo số 89/BC-UBND ngày 15/6/2023']) {
      expect(cells.some((c) => String(c.value).indexOf(cite) >= 0)).toBe(true);
    }
  });

  test('scores are numbers (except the one text "0,5"), text is NFC, nothing carries a font', () => {
    const texts: string[] = [];
    for (const s of sample.sheets) {
      for (const row of s.rows)
        for (let c = 0; c < (row || []).length; c++) {
          const cell = row![c];
          if (!cell) continue;
          expect(cell.font).toBeUndefined();
          if (typeof cell.value === 'string' && c > 0) {
            texts.push(cell.value);
            expect(cell.value).toBe(cell.value.normalize('NFC'));
          }
        }
    }
    const numericTexts = texts.filter((t) => /^\s*\d+([.,]\d+)?\s*$/.test(t));
    expect(numericTexts).toEqual(['0,5']);
  });

  test('styles describe the rows of each sheet', () => {
    expect(sample.styles.map((s) => s.sheet)).toEqual(SAMPLE_SHEET_NAMES);
    for (const t of tables) {
      const style = sample.styles[tables.indexOf(t)];
      expect(style.headerRows).toEqual([6, 7]);
      expect(style.columnNumberRows).toEqual([8]);
      expect(style.fieldRows).toEqual(t.fields.map((f) => f.row));
      expect(style.leafRows).toEqual(t.rows.filter((r) => r.parent && !r.children.length).map((r) => r.row));
      expect(style.criterionRows).toEqual(t.rows.filter((r) => r.parent && r.children.length).map((r) => r.row));
      expect(style.tierRows).toEqual(([] as number[]).concat(...t.rows.map((r) => r.tiers.map((x) => x.row))));
      expect(style.totalRows).toEqual([t.totalRow]);
      expect(style.table).toEqual({ top: 6, left: 0, bottom: t.totalRow, right: style.columnWidths.length - 1 });
      expect(style.scoreColumns).toEqual([t.cols.max, t.cols.self]);
      expect(style.noticeRows).toEqual([findText(t.sheet, ILLUSTRATIVE_NOTICE).row]);
    }
  });

  test('each call builds a fresh copy', () => {
    const a = buildSampleGrid();
    a.sheets[0].rows[9]![3] = { value: 99 };
    expect(buildSampleGrid().sheets[0].rows[9]![3]).toBeNull();
  });
});

describe('the scoring core on the sample', () => {
  const analysis = analyseWorkbook(buildSampleGrid());
  const points = (units: number) => units / 1000000;

  test('reads the expected fields and totals', () => {
    for (const expected of SAMPLE_EXPECTED.sheets) {
      const s = analysis.sheets.filter((x) => x.name === expected.name)[0];
      expect(s.fields.map((f) => ({ code: f.code, name: f.name, max: points(f.max), surveyMax: points(f.surveyMax), self: points(f.self) }))).toEqual(
        expected.fields.map((f) => ({ code: f.code, name: f.name, max: f.max, surveyMax: f.surveyMax, self: f.self })),
      );
      expect([points(s.score.selfAssessableMax), points(s.score.self), points(s.score.max - s.score.selfAssessableMax)]).toEqual([expected.total.max, expected.total.self, expected.total.surveyMax]);
    }
    expect([points(analysis.total.max), points(analysis.total.self)]).toEqual([SAMPLE_EXPECTED.total.max, SAMPLE_EXPECTED.total.self]);
  });

  // Evidence-date flags read the sample's real-looking citations; they are listed on their own below.
  const evidenceKinds = ['evidence-out-of-period', 'evidence-unparsed'];

  test('flags exactly the deliberate problems', () => {
    const flags = analysis.flags.filter((f) => evidenceKinds.indexOf(f.kind) < 0).map((f) => ({ sheet: f.sheet, cell: f.cell, code: f.code, kind: f.kind }));
    expect(flags).toEqual(SAMPLE_EXPECTED.problems);
  });

  test('evidence dates: three descriptions cite no document, one report is dated 08/01/2024, outside 2023', () => {
    const flags = analysis.flags.filter((f) => evidenceKinds.indexOf(f.kind) >= 0).map((f) => [f.kind, f.cell, f.code]);
    expect(flags).toEqual([
      ['evidence-unparsed', 'F59', '3.1.3'], // "Ảnh chụp bảng niêm yết TTHC …"
      ['evidence-unparsed', 'F67', '3.3.2'], // "99 Phiếu xin lỗi …"
      ['evidence-out-of-period', 'F110', '6.2.2'], // "Báo cáo số 05/BC-UBND ngày 08/01/2024"
      ['evidence-unparsed', 'F119', '7.1.4'], // "Danh sách tài khoản thư điện tử công vụ …"
    ]);
  });
});
