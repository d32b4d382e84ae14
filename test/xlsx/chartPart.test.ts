import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { consolidationSheets, Consolidation } from '../../src/core/consolidate/consolidate';
import { appendChartBlock, SummaryCell, SummarySheet, SUMMARY_SHEET_NAME, WritePlan } from '../../src/core/plan';
import { consolidateFiles } from '../../src/xlsx/consolidateFiles';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { patchWorkbookBytes } from '../../src/xlsx/patch/patchPackage';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { summarySheetsXlsxBytes } from '../../src/xlsx/summaryXlsx';
import { strictNamespaces, transformXlsx } from '../helpers/foreignXlsx';
import { anchorOf, cellsAt, chartOfSheet, isToolDrawingXml, partNames, partText, referencedParts, relsNameOf, seriesOf, sheetPartOf } from './chartFiles';
import { communeWorkbookBytes, CommuneSpec } from './fixtures/communes';
import { expectOnlyOwnedPartsChanged, partsOf, PipelineRun, runPipeline, sameBytes } from './patch/patchHelpers';
import { excelJsRichBytes, handBuiltRichBytes } from './patch/richWorkbooks';

/**
 * The tool sheets' bar chart as the file writers draw it (src/xlsx/patch/chartPart.ts): a real DrawingML
 * chart in the district's TONG-HOP.xlsx and in the annotated copy, read back from the files as a viewer
 * finds it: sheet → drawing → chart, the chart's formulas naming the sheet's own cells, its caches holding
 * what those cells hold, the frame over the cells the sheet keeps for it. LibreOffice's reading of the
 * same files: chartLibreOffice.test.ts.
 */

const COMMUNES: Array<[string, CommuneSpec]> = [
  ['an-binh.xlsx', { commune: 'An Bình', self: '70', appraised: '66,6' }],
  ['bach-dang.xlsx', { commune: 'Bạch Đằng', self: '68', appraised: '66,59' }],
  ['cam-che.xlsx', { commune: 'Cẩm Chế', self: '67', appraised: '66,59' }],
  ['dong-lac.xlsx', { commune: 'Đồng Lạc', self: '60', appraised: '51,79' }],
];

const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** Well-formed and namespace-well-formed, as libxml2 (xmllint) parses it: what Excel refuses first. */
async function xmlProblems(name: string, xml: string): Promise<string> {
  const r = await validateXML({ xml: [{ fileName: name.replace(/[^\w.]/g, '_'), contents: xml }], normalization: 'format' });
  return r.valid && !r.rawOutput ? '' : name + ': ' + r.rawOutput;
}

/** The Override of a part in [Content_Types].xml, or null. */
function overrideOf(types: string, part: string): string | null {
  const m = new RegExp('<Override PartName="/' + part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '" ContentType="([^"]+)"/>').exec(types);
  return m ? m[1] : null;
}

/** The parts of the tool's chart on a sheet, their types, and each part's XML well-formed. */
async function expectSoundChartParts(zip: JSZip, sheetName: string): Promise<void> {
  const parts = await chartOfSheet(zip, sheetName);
  const types = await partText(zip, '[Content_Types].xml');
  expect([overrideOf(types, parts.drawingPart), overrideOf(types, parts.chartPart)]).toEqual([CONTENT_TYPE.drawing, CONTENT_TYPE.chart]);
  const problems: string[] = [];
  for (const name of [parts.sheetPart, relsNameOf(parts.sheetPart), parts.drawingPart, relsNameOf(parts.drawingPart), parts.chartPart, '[Content_Types].xml']) {
    const p = await xmlProblems(name, await partText(zip, name));
    if (p) problems.push(p);
  }
  expect(problems).toEqual([]);
  // CT_Worksheet's order: <drawing> after headerFooter, last here.
  expect(parts.sheetXml).toMatch(/<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/);
  expect(parts.sheetXml).toMatch(/^<\?xml[^>]*>\s*<worksheet xmlns="[^"]+" xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships">/);
}

/** A horizontal bar chart, categories top down in data order, value axis 0..max at the bottom, in `format`. */
function expectBarChartLayout(chartXml: string, max: number, format: string): void {
  expect(chartXml).toMatch(/<c:barChart><c:barDir val="bar"\/>/);
  const catAx = /<c:catAx>[\s\S]*?<\/c:catAx>/.exec(chartXml)![0];
  const valAx = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(chartXml)![0];
  expect(catAx).toContain('<c:orientation val="maxMin"/>');
  expect(valAx).toContain('<c:orientation val="minMax"/><c:max val="' + max + '"/><c:min val="0"/>');
  expect(valAx).toContain('<c:crosses val="max"/>');
  expect(valAx).toContain('<c:numFmt formatCode="' + format + '" sourceLinked="0"/>');
}

describe('the consolidation workbook (TONG-HOP.xlsx)', () => {
  let c: Consolidation;
  let sheets: SummarySheet[];
  let bytes: Uint8Array;
  let zip: JSZip;
  beforeAll(async () => {
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const [name, spec] of COMMUNES) files.push({ name, bytes: await communeWorkbookBytes(spec) });
    c = await consolidateFiles(files, { lang: 'vi' });
    sheets = consolidationSheets(c, 'vi');
    bytes = await summarySheetsXlsxBytes(sheets);
    zip = await JSZip.loadAsync(bytes);
  }, 60000);

  test('one chart, on the ranking: its bars are the commune names and percentages the sheet holds, in rank order', async () => {
    const ranking = sheets[0];
    expect(ranking.chart).toBeDefined();
    expect(sheets.slice(1).every((s) => !s.chart)).toBe(true);
    expect(partNames(zip, /^xl\/charts\/.*\.xml$/)).toEqual(['xl/charts/chart1.xml']);
    expect(partNames(zip, /^xl\/drawings\/[^/]*\.xml$/)).toEqual(['xl/drawings/drawing1.xml']);
    const parts = await chartOfSheet(zip, ranking.name);
    await expectSoundChartParts(zip, ranking.name);

    const grid = await readGridFromXlsxBytes(bytes, 'TONG-HOP.xlsx');
    const [series, ...more] = seriesOf(parts.chartXml);
    expect(more).toEqual([]);
    // The formulas name the ranking's own cells: the names in column B, the percentages beside them.
    const d = ranking.chart!.data;
    const top = '$' + (d.row + 2);
    const bottom = '$' + (d.row + d.rows);
    expect(series.categoriesRef).toBe("'" + ranking.name + "'!$B" + top + ':$B' + bottom);
    expect(series.valuesRef).toBe("'" + ranking.name + "'!$C" + top + ':$C' + bottom);
    expect(series.nameRef).toBe("'" + ranking.name + "'!$C$" + (d.row + 1));
    // What those cells hold, read back from the file, is what the chart caches …
    expect(cellsAt(grid, series.categoriesRef)).toEqual(series.categories);
    expect(cellsAt(grid, series.valuesRef)).toEqual(series.values);
    expect(cellsAt(grid, series.nameRef)).toEqual([series.name]);
    // … and that is the ranking: every commune in rank order, at the percentage it is ranked by.
    expect(c.rankedBy).toBe('appraised');
    expect(series.categories).toEqual(c.rows.map((r) => r.commune));
    expect(series.values).toEqual(c.rows.map((r) => (r.appraisedPercentHundredths as number) / 10000));
    expect(series.name).toBe('Tỷ lệ thẩm định');
    expect(series.categories).toEqual(['xã An Bình', 'xã Bạch Đằng', 'xã Cẩm Chế', 'xã Đồng Lạc']);
    expect(series.values).toEqual([0.9, 0.8999, 0.8999, 0.6999]);
    expect(parts.chartXml).toContain('<c:formatCode>0.00%</c:formatCode>');

    expectBarChartLayout(parts.chartXml, 1, '0%');
    // One series: no legend. The title is the sheet's, the frame is named so a later run finds it.
    expect(parts.chartXml).not.toContain('<c:legend>');
    expect(parts.chartXml).toContain('<a:t>' + ranking.chart!.title + '</a:t>');
    expect(parts.drawingXml).toContain('<xdr:cNvPr id="2" name="CCHC_BieuDo" descr="' + ranking.chart!.title + '"/>');
  });

  test('the chart covers exactly the cells the sheet keeps for it (chart.anchor), beside its figures', async () => {
    const chart = sheets[0].chart!;
    const { drawingXml } = await chartOfSheet(zip, sheets[0].name);
    expect(anchorOf(drawingXml)).toEqual({
      from: { col: chart.anchor.col, row: chart.anchor.row, colOff: 0, rowOff: 0 },
      to: { col: chart.anchor.col + chart.anchor.cols, row: chart.anchor.row + chart.anchor.rows, colOff: 0, rowOff: 0 },
    });
    // Beside the data block, the cells under it empty.
    expect(chart.anchor.col).toBe(chart.data.col + chart.data.cols);
    const grid = await readGridFromXlsxBytes(bytes, 'TONG-HOP.xlsx');
    const sheet = grid.sheets.find((s) => s.name === sheets[0].name)!;
    for (let r = chart.anchor.row; r < chart.anchor.row + chart.anchor.rows; r++)
      for (let col = chart.anchor.col; col < chart.anchor.col + chart.anchor.cols; col++) expect([r, col, (sheet.rows[r] || [])[col] || null]).toEqual([r, col, null]);
  });

  test('ExcelJS, as another program, still opens the file with its sheets and cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    const d = sheets[0].chart!.data;
    expect(wb.worksheets[0].getCell(d.row + 2, d.col + 1).text).toBe('xã An Bình');
  });
});

describe('two series', () => {
  test('the self-assessed and appraised bars side by side: a legend, each series over its own column, a blank cell no bar', async () => {
    const rows: SummaryCell[][] = [[{ kind: 'text', text: 'Tổng hợp', bold: true }]];
    const chart = appendChartBlock(rows, {
      title: 'Tỷ lệ điểm theo lĩnh vực',
      heading: 'BIỂU ĐỒ',
      categoryHeader: 'Lĩnh vực',
      series: ['Tự đánh giá', 'Thẩm định'],
      bars: [
        { label: '1 Công tác chỉ đạo điều hành', values: [0.9567, 0.9] },
        { label: '2 Cải cách thể chế & <pháp luật>', values: [1, null] },
        { label: "3 Cải cách thủ tục hành chính 'một cửa'", values: [0.5, 0.25] },
      ],
      col: 2,
      chartCols: 3,
      numberFormat: '0.00%',
    })!;
    const sheet: SummarySheet = { name: "Bà's tổng hợp", rows, columnWidths: [10, 10, 40, 12, 12], chart };
    const bytes = await summarySheetsXlsxBytes([sheet]);
    const zip = await JSZip.loadAsync(bytes);
    await expectSoundChartParts(zip, sheet.name);
    const parts = await chartOfSheet(zip, sheet.name);
    expect(parts.chartXml).toMatch(/<c:legend><c:legendPos val="b"\/>/);
    const series = seriesOf(parts.chartXml);
    expect(series.map((s) => [s.name, s.nameRef, s.valuesRef])).toEqual([
      ['Tự đánh giá', "'Bà''s tổng hợp'!$D$4", "'Bà''s tổng hợp'!$D$5:$D$7"],
      ['Thẩm định', "'Bà''s tổng hợp'!$E$4", "'Bà''s tổng hợp'!$E$5:$E$7"],
    ]);
    expect(series[1].categoriesRef).toBe("'Bà''s tổng hợp'!$C$5:$C$7");
    expect(series[1].categories).toEqual(['1 Công tác chỉ đạo điều hành', '2 Cải cách thể chế & <pháp luật>', "3 Cải cách thủ tục hành chính 'một cửa'"]);
    expect(series[1].values).toEqual([0.9, undefined, 0.25]);
    expect(series[1].pointCount).toBe(3);
    const grid = await readGridFromXlsxBytes(bytes, 'x.xlsx');
    for (const s of series) {
      expect(cellsAt(grid, s.categoriesRef)).toEqual(s.categories);
      expect(cellsAt(grid, s.valuesRef)).toEqual(s.values.map((v) => (v === undefined ? null : v)));
    }
    // The two series are told apart by colour.
    const fills = Array.from(parts.chartXml.matchAll(/<c:ser>[\s\S]*?<a:srgbClr val="(\w+)"/g)).map((m) => m[1]);
    expect(new Set(fills).size).toBe(2);
  });
});

describe('the annotated copy', () => {
  let first: PipelineRun;
  let again: PipelineRun;
  beforeAll(async () => {
    first = await runPipeline(await sampleWorkbookBytes(), 'mau.xlsx');
    again = await runPipeline(first.output, 'mau-da-cham.xlsx');
  }, 60000);

  test('"Tổng hợp điểm" draws its fields as bars over its own cells', async () => {
    const chart = first.plan.summary.chart!;
    expect(chart).toBeDefined();
    const zip = await JSZip.loadAsync(first.output);
    await expectSoundChartParts(zip, SUMMARY_SHEET_NAME);
    const parts = await chartOfSheet(zip, SUMMARY_SHEET_NAME);
    expect(parts.drawingPart).toBe('xl/drawings/drawing1.xml');
    expect(parts.chartPart).toBe('xl/charts/chart1.xml');
    expectBarChartLayout(parts.chartXml, chart.max, chart.numberFormat);
    const series = seriesOf(parts.chartXml);
    // The sample has no appraised column: one series, the fields' self-assessed percentages.
    expect(series.length).toBe(chart.data.cols - 1);
    const grid = await readGridFromXlsxBytes(first.output, 'mau-da-cham.xlsx');
    for (const s of series) {
      expect(s.categoriesRef).toMatch(/^'Tổng hợp điểm'!\$C\$\d+:\$C\$\d+$/);
      expect(cellsAt(grid, s.categoriesRef)).toEqual(s.categories);
      expect(cellsAt(grid, s.valuesRef)).toEqual(s.values.map((v) => (v === undefined ? null : v)));
    }
    expect(series[0].categories.length).toBe(chart.data.rows - 1);
    expect(series[0].categories[0]).toMatch(/^PL1 · 1 /);
    expect(anchorOf(parts.drawingXml).from).toEqual({ col: chart.anchor.col, row: chart.anchor.row, colOff: 0, rowOff: 0 });
    // The copy still is the official's workbook plus the tool's parts.
    await expectOnlyOwnedPartsChanged(first);
  });

  test('scored again: the same one drawing and one chart, rewritten where they were, nothing left over', async () => {
    const zip = await JSZip.loadAsync(again.output);
    expect(partNames(zip, /^xl\/drawings\/[^/]*\.xml$/)).toEqual(['xl/drawings/drawing1.xml']);
    expect(partNames(zip, /^xl\/charts\/.*\.xml$/)).toEqual(['xl/charts/chart1.xml']);
    const parts = await chartOfSheet(zip, SUMMARY_SHEET_NAME);
    expect([parts.drawingPart, parts.chartPart]).toEqual(['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml']);
    const types = await partText(zip, '[Content_Types].xml');
    expect(types.match(/\/xl\/drawings\/drawing\d+\.xml"/g)).toEqual(['/xl/drawings/drawing1.xml"']);
    expect(types.match(/\/xl\/charts\/chart\d+\.xml"/g)).toEqual(['/xl/charts/chart1.xml"']);
    // Every drawing and chart part is referenced: no orphan.
    const referenced = await referencedParts(zip);
    for (const p of partNames(zip, /^xl\/(drawings|charts)\/[^/]*\.xml$/)) expect([p, referenced.has(p)]).toEqual([p, true]);
    // The same package (parts and order), the chart the same bytes.
    const before = await partsOf(first.output);
    const after = await partsOf(again.output);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(sameBytes(before.get('xl/charts/chart1.xml')!, after.get('xl/charts/chart1.xml')!)).toBe(true);
    expect(sameBytes(before.get('xl/drawings/drawing1.xml')!, after.get('xl/drawings/drawing1.xml')!)).toBe(true);
    await expectOnlyOwnedPartsChanged(again);
  });

  test('a copy whose new summary has no chart: the earlier drawing and chart go, with their types and relationships', async () => {
    const plan: WritePlan = { ...first.plan, summary: { ...first.plan.summary } };
    delete plan.summary.chart;
    const out = await patchWorkbookBytes(first.output, plan, { fileName: 'mau-da-cham.xlsx' });
    const zip = await JSZip.loadAsync(out);
    expect(partNames(zip, /^xl\/(drawings\/[^/]*\.xml|drawings\/_rels\/.*|charts\/.*)$/)).toEqual([]);
    const types = await partText(zip, '[Content_Types].xml');
    expect(types).not.toMatch(/drawing\d+\.xml|chart\d+\.xml/);
    const sheetPart = await sheetPartOf(zip, SUMMARY_SHEET_NAME);
    expect(await partText(zip, sheetPart)).not.toContain('<drawing');
    expect(zip.file(relsNameOf(sheetPart))).toBeNull();
    expect(await xmlProblems('[Content_Types].xml', types)).toBe('');
  });
});

describe("a workbook's own drawings and charts", () => {
  test('are left byte for byte; the tool takes other part names, and a second scoring adds nothing', async () => {
    // ExcelJS's image (xl/drawings/drawing1.xml) and a hand-made chart (drawing9.xml → charts/chart1.xml).
    const input = await handBuiltRichBytes(await excelJsRichBytes(), { absoluteTargets: true });
    const inZip = await JSZip.loadAsync(input);
    const own = partNames(inZip, /^xl\/(drawings|charts|media)\/.*$|^xl\/drawings\/_rels\/.*$/);
    expect(own).toEqual(expect.arrayContaining(['xl/drawings/drawing1.xml', 'xl/drawings/drawing9.xml', 'xl/charts/chart1.xml']));
    const first = await runPipeline(input, 'rich.xlsx');
    const again = await runPipeline(first.output, 'rich-da-cham.xlsx');
    const before = await partsOf(input);
    for (const run of [first, again]) {
      const zip = await JSZip.loadAsync(run.output);
      const after = await partsOf(run.output);
      for (const p of own) expect([p, sameBytes(before.get(p)!, after.get(p)!)]).toEqual([p, true]);
      const parts = await chartOfSheet(zip, SUMMARY_SHEET_NAME);
      expect(parts.drawingPart).toBe('xl/drawings/drawing2.xml');
      expect(parts.chartPart).toBe('xl/charts/chart2.xml');
      expect(partNames(zip, /^xl\/drawings\/[^/]*\.xml$/)).toEqual(['xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml', 'xl/drawings/drawing9.xml']);
      expect(partNames(zip, /^xl\/charts\/.*\.xml$/)).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
      // Only the summary's drawing is the tool's.
      const tools = [];
      for (const p of partNames(zip, /^xl\/drawings\/[^/]*\.xml$/)) if (isToolDrawingXml(await partText(zip, p))) tools.push(p);
      expect(tools).toEqual(['xl/drawings/drawing2.xml']);
      await expectSoundChartParts(zip, SUMMARY_SHEET_NAME);
      await expectOnlyOwnedPartsChanged(run);
    }
  }, 60000);
});

describe('a Strict Open XML workbook', () => {
  test('gets its summary without a chart (the chart parts would need Strict namespaces): no drawing, no chart part', async () => {
    const input = await transformXlsx(await sampleWorkbookBytes(), [strictNamespaces()]);
    const run = await runPipeline(input, 'strict.xlsx');
    expect(run.plan.summary.chart).toBeDefined();
    const zip = await JSZip.loadAsync(run.output);
    expect(partNames(zip, /^xl\/(charts\/|drawings\/[^/]*\.xml$)/)).toEqual([]);
    const sheetPart = await sheetPartOf(zip, SUMMARY_SHEET_NAME);
    expect(await partText(zip, sheetPart)).not.toContain('<drawing');
    // The figures are there as cells all the same.
    const d = run.plan.summary.chart!.data;
    const summary = run.outGrid.sheets.find((s) => s.name === SUMMARY_SHEET_NAME)!;
    expect(typeof summary.rows[d.row + 1]![d.col + 1]!.value).toBe('number');
  }, 60000);
});
