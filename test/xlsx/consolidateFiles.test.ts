import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SUMMARY_LINK_COLOR } from '../../src/core/plan/summaryStyle';
import { parseDecimalUnits } from '../../src/core/number/points';
import { consolidateFiles, summarySheetsToXlsx } from '../../src/xlsx/consolidateFiles';
import { consolidationSheets, Consolidation } from '../../src/core/consolidate/consolidate';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { communeWorkbookBytes, corruptWorkbookBytes, CommuneSpec, protectedWorkbookBytes } from './fixtures/communes';

/**
 * The batch a district office sends: real .xlsx files of several communes with self and appraised
 * columns, plus a damaged download, a password-protected file and a workbook of another rubric.
 */
const COMMUNES: Array<[string, CommuneSpec]> = [
  ['an-binh.xlsx', { commune: 'An Bình', self: '70', appraised: '66,6' }], // 90,00% → A
  ['bach-dang.xlsx', { commune: 'Bạch Đằng', self: '68', appraised: '66,59' }], // 89,99% → B
  ['cam-che.xlsx', { commune: 'Cẩm Chế', self: '67', appraised: '66,59' }], // tie with Bạch Đằng
  ['dong-lac.xlsx', { commune: 'Đồng Lạc', self: '60', appraised: '51,79' }], // below 70%
];

function pts(text: string): number {
  return parseDecimalUnits(text) as number;
}

async function batch(): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const [name, spec] of COMMUNES) files.push({ name, bytes: await communeWorkbookBytes(spec) });
  files.splice(1, 0, { name: 'hong.xlsx', bytes: await corruptWorkbookBytes() });
  files.splice(3, 0, { name: 'mat-khau.xlsx', bytes: protectedWorkbookBytes() });
  files.push({ name: 'bo-khac.xlsx', bytes: await communeWorkbookBytes({ commune: 'Hồng Phong', appraised: '60', otherRubric: true }) });
  return files;
}

describe('consolidateFiles on a batch of real workbooks', () => {
  let files: Array<{ name: string; bytes: Uint8Array }>;
  let result: Consolidation;
  const progress: Array<[number, number, string]> = [];
  beforeAll(async () => {
    files = await batch();
    result = await consolidateFiles(files, { lang: 'vi', onProgress: (done, total, name) => progress.push([done, total, name]) });
  }, 60000);

  test('TONG-HOP.xlsx prints: each sheet A4, one page wide, landscape for its wide tables, its header rows on every page, the kinds in words', async () => {
    const sheets = consolidationSheets(result, 'vi');
    const zip = await JSZip.loadAsync(await summarySheetsToXlsx(sheets));
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    for (let i = 0; i < sheets.length; i++) {
      const xml = await zip.file('xl/worksheets/sheet' + (i + 1) + '.xml')!.async('string');
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
      expect(xml).toContain('<oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter>');
      expect(wb).toMatch(new RegExp('<definedName name="_xlnm\\.Print_Titles" localSheetId="' + i + "\">'[^']+'!\\$\\d+:\\$\\d+</definedName>"));
    }
    // The ranking's two header rows (the field above, the score below) repeat together.
    expect(wb).toContain("'" + sheets[0].name + "'!$6:$7");
    // The issue list names each kind in words, never its code.
    const flags = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(flags).not.toMatch(/>(missing-evidence|off-tier|hand-total-mismatch)</);
  });

  test('ranks the communes by the appraised total, ties sharing a rank, with groups', () => {
    expect(result.rankedBy).toBe('appraised');
    expect(result.rows.map((r) => [r.rank, r.commune, r.appraised, r.group])).toEqual([
      [1, 'xã An Bình', pts('66.6'), 'A'],
      [2, 'xã Bạch Đằng', pts('66.59'), 'B'],
      [2, 'xã Cẩm Chế', pts('66.59'), 'B'],
      [4, 'xã Đồng Lạc', pts('51.79'), 'D'],
    ]);
    expect(result.rows.map((r) => r.self)).toEqual(['70', '68', '67', '60'].map(pts));
    expect(result.rows[0].appraisedPercentHundredths).toBe(9000);
    expect(result.rows[1].appraisedPercentHundredths).toBe(8999);
  });

  test('lists the damaged, protected and other-rubric files with their reasons, and never stops the batch', () => {
    expect(result.failed.map((f) => [f.fileName, f.failure])).toEqual([
      ['hong.xlsx', 'corrupt'],
      ['mat-khau.xlsx', 'protected'],
      ['bo-khac.xlsx', 'other-rubric'],
    ]);
    expect(result.failed[0].detail).toBe(new WorkbookInputError('corrupt', 'hong.xlsx').messageVi);
    expect(result.failed[1].detail).toContain('mật khẩu');
    expect(result.failed[2].detail).toContain('thiếu lĩnh vực 7');
  });

  test('reports progress after every file, done out of total', () => {
    expect(progress).toEqual(files.map((f, i) => [i + 1, files.length, f.name]));
  });

  test('takes a loader per file, and a loader that throws fails that file only', async () => {
    const c = await consolidateFiles(
      [
        { name: 'an-binh.xlsx', bytes: () => files[0].bytes },
        {
          name: 'mat.xlsx',
          bytes: () => {
            throw new WorkbookInputError('not-found', 'mat.xlsx');
          },
        },
      ],
      { lang: 'en' },
    );
    expect(c.rows.map((r) => r.commune)).toEqual(['xã An Bình']);
    expect(c.failed).toEqual([{ fileName: 'mat.xlsx', failure: 'unreadable', detail: 'File "mat.xlsx" not found.' }]);
  });

  test("a library's own error is never the reason a user reads: the catalogue's sentence, its text kept apart", async () => {
    const c = await consolidateFiles(
      [
        { name: 'an-binh.xlsx', bytes: () => files[0].bytes },
        {
          name: 'hong.xlsx',
          bytes: () => {
            throw new Error('no zip local header at the start');
          },
        },
      ],
      { lang: 'vi' },
    );
    expect(c.failed).toEqual([{ fileName: 'hong.xlsx', failure: 'unreadable', technical: 'no zip local header at the start' }]);
    // The list of files not used, as TONG-HOP.xlsx and the pane show it.
    const listed = JSON.stringify(consolidationSheets(c, 'vi'));
    expect(listed).toContain('Không đọc được tệp');
    expect(listed).not.toContain('no zip local header');
  });
});

describe('summarySheetsToXlsx', () => {
  let ranking: ExcelJS.Worksheet;
  let flags: ExcelJS.Worksheet;
  let result: Consolidation;
  beforeAll(async () => {
    result = await consolidateFiles(await batch(), { lang: 'vi' });
    const bytes = await summarySheetsToXlsx(consolidationSheets(result, 'vi'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp xếp hạng', 'Danh sách vấn đề']);
    ranking = workbook.getWorksheet('Tổng hợp xếp hạng')!;
    flags = workbook.getWorksheet('Danh sách vấn đề')!;
  }, 60000);

  function rowOf(ws: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(column).value === text) return ws.getRow(r);
    throw new Error('no row with ' + text);
  }

  function columnOf(header: ExcelJS.Row, text: string): number {
    let found = -1;
    header.eachCell((cell, c) => {
      if (found < 0 && cell.value === text) found = c;
    });
    if (found < 0) throw new Error('no column ' + text);
    return found;
  }

  test('the ranking sheet opened back: ranks, groups, totals and percentages as numbers with formats', () => {
    const header = rowOf(ranking, 1, 'STT');
    const col = (name: string) => columnOf(header, name);
    const an = rowOf(ranking, 2, 'xã An Bình');
    const cam = rowOf(ranking, 2, 'xã Cẩm Chế');
    const dong = rowOf(ranking, 2, 'xã Đồng Lạc');
    expect(an.getCell(col('Xếp hạng')).value).toBe(1);
    expect(cam.getCell(col('Xếp hạng')).value).toBe(2);
    expect(dong.getCell(col('Xếp hạng')).value).toBe(4);
    expect([an, cam, dong].map((r) => r.getCell(col('Nhóm')).value)).toEqual(['A', 'B', 'Dưới 70%']);
    expect(an.getCell(col('Điểm tối đa')).value).toBe(74);
    expect(an.getCell(col('Tổng điểm tự đánh giá')).value).toBe(70);
    expect(an.getCell(col('Tổng điểm thẩm định')).value).toBe(66.6);
    expect(an.getCell(col('Tỷ lệ thẩm định')).value).toBe(0.9);
    expect(an.getCell(col('Tỷ lệ thẩm định')).numFmt).toBe('0.00%');
    expect(an.getCell(col('Tệp')).value).toBe('an-binh.xlsx');
    // Per field: self then appraised under each field's header; field 1 of the sample is 14,35.
    const fieldHeaderRow = ranking.getRow(header.number - 1);
    const field1 = columnOf(fieldHeaderRow, '1. Công tác chỉ đạo điều hành (tối đa 15)');
    expect(header.getCell(field1).value).toBe('Tự đánh giá');
    expect(header.getCell(field1 + 1).value).toBe('Thẩm định');
    const row = result.rows.find((r) => r.commune === 'xã Cẩm Chế')!;
    expect(cam.getCell(field1).value).toBe(row.fields[0].self / 1e6);
  });

  test('the failed files are listed under the ranking with their reasons', () => {
    const heading = rowOf(ranking, 1, 'CÁC TỆP KHÔNG TỔNG HỢP ĐƯỢC');
    const listed: string[] = [];
    for (let r = heading.number + 2; r <= ranking.rowCount; r++) listed.push(String(ranking.getRow(r).getCell(2).value));
    expect(listed).toEqual(['hong.xlsx', 'mat-khau.xlsx', 'bo-khac.xlsx']);
    expect(String(rowOf(ranking, 2, 'mat-khau.xlsx').getCell(3).value)).toContain('mật khẩu');
  });

  test('the flag sheet lists every flag of every commune with file, sheet and cell', () => {
    const header = rowOf(flags, 1, 'STT');
    const lines = flags.rowCount - header.number;
    expect(lines).toBe(result.flags.length);
    const missing: string[] = [];
    for (let r = header.number + 1; r <= flags.rowCount; r++) {
      const row = flags.getRow(r);
      if (row.getCell(3).value === 'dong-lac.xlsx' && row.getCell(7).value === 'Thiếu tài liệu kiểm chứng') missing.push(row.getCell(4).value + '!' + row.getCell(5).value);
    }
    expect(missing).toEqual(expect.arrayContaining(['Phụ lục 1!F80', 'Phụ lục 1!F104']));
  });
});

describe('the summary writer', () => {
  test('writes text as text (never a formula), numbers with their formats, bold, in-document links, widths', async () => {
    const bytes = await summarySheetsToXlsx([
      {
        name: 'Tổng hợp xếp hạng',
        rows: [
          [{ kind: 'text', text: 'TIÊU ĐỀ & <ghi chú>', bold: true }],
          [
            { kind: 'text', text: '=cmd|calc' },
            { kind: 'number', value: 0.9207, numberFormat: '0.00%' },
            { kind: 'number', value: 68.13, numberFormat: '0.000' },
            { kind: 'link', text: 'F80', sheet: 'Danh sách vấn đề', address: 'A3' },
          ],
        ],
        columnWidths: [30, 12],
      },
      { name: 'Danh sách vấn đề', rows: [[], [], [{ kind: 'text', text: 'đích' }]], columnWidths: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet('Tổng hợp xếp hạng')!;
    expect(ws.getCell('A1').value).toBe('TIÊU ĐỀ & <ghi chú>');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('=cmd|calc');
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').value).toBe(0.9207);
    expect(ws.getCell('B2').numFmt).toBe('0.00%');
    expect(ws.getCell('C2').numFmt).toBe('0.000');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The link goes to the other sheet's cell, inside the workbook (no external relationship).
    const zip = await JSZip.loadAsync(bytes);
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet1).toContain('<hyperlink ref="D2" location="\'Danh sách vấn đề\'!A3"/>');
    // It shows its text, drawn as Excel draws a hyperlink.
    expect(ws.getCell('D2').value).toBe('F80');
    expect(ws.getCell('D2').font).toMatchObject({ underline: true, color: { argb: SUMMARY_LINK_COLOR } });
    expect(zip.file('xl/worksheets/_rels/sheet1.xml.rels')).toBeNull();
    // The project's own reader reads it back too.
    const grid = await readGridFromXlsxBytes(bytes, 'tong-hop.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual(['Tổng hợp xếp hạng', 'Danh sách vấn đề']);
    expect(grid.sheets[0].rows[1]![0]!.value).toBe('=cmd|calc');
  });
});

describe('consolidateFiles with an assessment year set by the user', () => {
  test("checks every commune's evidence dates against that year instead of the one in its titles", async () => {
    const files = [{ name: 'an-binh.xlsx', bytes: await communeWorkbookBytes({ commune: 'An Bình', self: '70' }) }];
    const outOfPeriod = (c: Consolidation) => c.rows[0].flagCounts['evidence-out-of-period'] || 0;
    const fromTitles = await consolidateFiles(files, { lang: 'vi' });
    const in2022 = await consolidateFiles(files, { lang: 'vi', assessmentYear: 2022 });
    // The sample's documents are dated 2023 (one in January 2024): judged for 2022, most fall outside.
    expect(outOfPeriod(fromTitles)).toBe(1);
    expect(outOfPeriod(in2022)).toBeGreaterThan(20);
    expect(in2022.rows[0].self).toBe(fromTitles.rows[0].self);
  });
});
