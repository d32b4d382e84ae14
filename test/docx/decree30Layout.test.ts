import { analyseWorkbook } from '../../src/core/analyse';
import { buildSelfAssessmentReport, ReportDocument } from '../../src/core/report/selfAssessmentReport';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { boldTextWidth, reportDocxBytes } from '../../src/docx/selfAssessmentDocx';
import { attr, cells, estimatePages, openPackage, Package, runPt, tables, xmlParagraphs, XmlParagraph } from './decree30';

/**
 * The Word report laid out as Decree 30/2020/NĐ-CP sets an administrative document (Appendix I),
 * checked in the package's XML the way a clerk checks the printed page: the two-column header
 * without borders, "ỦY BAN NHÂN DÂN" over "XÃ THANH XÁ" with a short rule, the national title on one
 * line, the motto with a rule as long as it, the title block, Times New Roman 13-14 pt, page numbers
 * from page 2, the signature block beside "Nơi nhận", and the field chart. decree30Pdf.test.ts renders
 * the same document with LibreOffice and reads the PDF.
 */

const A4_TEXT_WIDTH = 11906 - 1701 - 1134;

describe('the report as Decree 30/2020 lays it out (the Word XML)', () => {
  const analysis = analyseWorkbook(buildSampleGrid());
  let doc: ReportDocument;
  let pkg: Package;
  let header: string;
  let headerCells: string[];
  beforeAll(async () => {
    doc = buildSelfAssessmentReport(analysis, 'vi');
    pkg = await openPackage(await reportDocxBytes(doc));
    header = tables(pkg.document)[0];
    headerCells = cells(header);
  });

  const only = (ps: XmlParagraph[], text: string): XmlParagraph => {
    const found = ps.filter((p) => p.text === text);
    expect([text, found.length]).toEqual([text, 1]);
    return found[0];
  };
  const bold = (p: XmlParagraph) => p.runs.every((r) => /<w:b\/>/.test(r.rPr));
  const sizes = (p: XmlParagraph) => Array.from(new Set(p.runs.map((r) => runPt(r.rPr))));
  /** The paragraph right after `p` in the same part (the rule under a line). */
  const after = (ps: XmlParagraph[], p: XmlParagraph) => ps[ps.indexOf(p) + 1];
  const isRule = (p: XmlParagraph | undefined) => !!p && p.text === '' && /<w:pBdr><w:bottom w:val="single"/.test(p.pPr);
  /** Length of a rule paragraph in a cell (or the text area) of `width` twips with `padding` each side. */
  const ruleLength = (p: XmlParagraph, width: number, padding: number) => width - 2 * padding - Number(attr(p.pPr, 'w:ind', 'w:left')) - Number(attr(p.pPr, 'w:ind', 'w:right'));

  test('the header is a borderless two-column table, about 40% / 60% of the text width', () => {
    expect(header).toBe(tables(pkg.document)[0]);
    expect(pkg.document.indexOf('<w:tbl>')).toBeLessThan(pkg.document.indexOf('BÁO CÁO'));
    const tblBorders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(header)![1];
    expect(tblBorders.match(/w:val="[^"]+"/g)).toEqual(Array(6).fill('w:val="none"'));
    expect(headerCells).toHaveLength(4);
    for (const c of headerCells) expect(/<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/.exec(c)![1].match(/w:val="[^"]+"/g)).toEqual(Array(4).fill('w:val="none"'));
    const grid = (header.match(/<w:gridCol w:w="(\d+)"\/>/g) || []).map((g) => Number(/\d+/.exec(g)![0]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(A4_TEXT_WIDTH);
    expect(grid[0] / A4_TEXT_WIDTH).toBeGreaterThan(0.35);
    expect(grid[0] / A4_TEXT_WIDTH).toBeLessThan(0.45);
  });

  test('left: "ỦY BAN NHÂN DÂN" over "XÃ THANH XÁ", bold 13 pt, a centred rule a third to a half of the name under it, then "Số: …/BC-UBND"', () => {
    const left = xmlParagraphs(headerCells[0]);
    const body = only(left, 'ỦY BAN NHÂN DÂN');
    const commune = only(left, 'XÃ THANH XÁ');
    expect(left.indexOf(commune)).toBe(left.indexOf(body) + 1);
    for (const p of [body, commune]) {
      expect(bold(p)).toBe(true);
      expect(sizes(p)).toEqual([13]);
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
    }
    const rule = after(left, commune);
    expect(isRule(rule)).toBe(true);
    expect(attr(rule.pPr, 'w:ind', 'w:left')).toBe(attr(rule.pPr, 'w:ind', 'w:right'));
    const cellWidth = Number(attr(headerCells[0], 'w:tcW', 'w:w'));
    const length = ruleLength(rule, cellWidth, Number(attr(headerCells[0], 'w:left', 'w:w')));
    const nameWidth = boldTextWidth('ỦY BAN NHÂN DÂN', 13);
    expect(length).toBeGreaterThanOrEqual(nameWidth / 3);
    expect(length).toBeLessThanOrEqual(nameWidth / 2);
    const number = only(xmlParagraphs(headerCells[2]), 'Số: …/BC-UBND');
    expect(attr(number.pPr, 'w:jc', 'w:val')).toBe('center');
    expect(sizes(number)).toEqual([13]);
    expect(xmlParagraphs(pkg.document).map((p) => p.text)).not.toContain('UBND XÃ THANH XÁ');
  });

  test('right: the national title one paragraph, bold 12 pt, that fits its column on one line; the motto bold 13 pt with a rule as long as it; the place and date in italics', () => {
    const right = xmlParagraphs(headerCells[1]);
    const republic = only(right, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(republic.runs).toHaveLength(1);
    expect(bold(republic)).toBe(true);
    expect(sizes(republic)).toEqual([12]);
    const cellWidth = Number(attr(headerCells[1], 'w:tcW', 'w:w'));
    const padding = Number(attr(headerCells[1], 'w:left', 'w:w'));
    // Its width in Times New Roman Bold, with 3% to spare, within the column less its padding.
    expect(boldTextWidth(republic.text, 12) * 1.03).toBeLessThan(cellWidth - 2 * padding);
    const motto = only(right, 'Độc lập - Tự do - Hạnh phúc');
    expect(right.indexOf(motto)).toBe(right.indexOf(republic) + 1);
    expect(bold(motto)).toBe(true);
    expect(sizes(motto)).toEqual([13]);
    const rule = after(right, motto);
    expect(isRule(rule)).toBe(true);
    expect(attr(rule.pPr, 'w:ind', 'w:left')).toBe(attr(rule.pPr, 'w:ind', 'w:right'));
    expect(Math.abs(ruleLength(rule, cellWidth, padding) - boldTextWidth(motto.text, 13))).toBeLessThanOrEqual(2);
    const date = only(xmlParagraphs(headerCells[3]), 'Thanh Xá, ngày … tháng … năm …');
    expect(date.runs.every((r) => /<w:i\/>/.test(r.rPr))).toBe(true);
    expect(attr(date.pPr, 'w:jc', 'w:val')).toBe('center');
  });

  test('title block: "BÁO CÁO" and the subject bold 14 pt, centred, a short rule under the subject', () => {
    const ps = xmlParagraphs(pkg.document);
    const word = only(ps, 'BÁO CÁO');
    const subject = only(ps, 'Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023 của xã Thanh Xá');
    expect(ps.indexOf(subject)).toBe(ps.indexOf(word) + 1);
    for (const p of [word, subject]) {
      expect(bold(p)).toBe(true);
      expect(sizes(p)).toEqual([14]);
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
    }
    const rule = after(ps, subject);
    expect(isRule(rule)).toBe(true);
    const length = ruleLength(rule, A4_TEXT_WIDTH, 0);
    // The subject fills a whole line before it wraps: the rule is a third to a half of that line.
    expect(length).toBeGreaterThanOrEqual(A4_TEXT_WIDTH / 3);
    expect(length).toBeLessThanOrEqual(A4_TEXT_WIDTH / 2);
  });

  test('Times New Roman throughout (body, headers, chart); body 14 pt, header 12-13 pt, "Nơi nhận" 12 pt bold italic and its list 11 pt', async () => {
    const headerParts = Object.keys(pkg.zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headerParts.length).toBeGreaterThanOrEqual(2);
    for (const part of ['word/document.xml', ...headerParts]) {
      const xml = await pkg.part(part);
      // Every run names its font (the empty first-page header has no run).
      if (/<w:r>/.test(xml))
        expect([part, Array.from(new Set(xml.match(/w:(ascii|hAnsi|cs)="[^"]+"/g) || []))]).toEqual([part, expect.arrayContaining(['w:ascii="Times New Roman"', 'w:hAnsi="Times New Roman"'])]);
      expect((xml.match(/w:(ascii|hAnsi|cs|eastAsia)="[^"]+"/g) || []).filter((f) => !/"Times New Roman"/.test(f))).toEqual([]);
    }
    const chart = await pkg.part('word/charts/chart1.xml');
    expect(Array.from(new Set(chart.match(/<a:latin typeface="[^"]+"/g)))).toEqual(['<a:latin typeface="Times New Roman"']);
    const styles = await pkg.part('word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    // Every body paragraph of the report (outside tables, the chart's caption apart) in 14 pt.
    const outside = pkg.document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    const bodySizes = new Set(
      xmlParagraphs(outside)
        .filter((p) => p.text && !/^Biểu đồ/.test(p.text))
        .map((p) => sizes(p).join()),
    );
    expect(Array.from(bodySizes)).toEqual(['14']);
    const ps = xmlParagraphs(pkg.document);
    const recipients = only(ps, 'Nơi nhận:');
    expect(sizes(recipients)).toEqual([12]);
    expect(recipients.runs.every((r) => /<w:b\/>/.test(r.rPr) && /<w:i\/>/.test(r.rPr))).toBe(true);
    for (const item of ['- UBND huyện Thanh Hà;', '- Phòng Nội vụ huyện Thanh Hà (để báo cáo);', '- Chủ tịch, Phó Chủ tịch UBND xã;', '- Lưu: VT.']) expect(sizes(only(ps, item))).toEqual([11]);
  });

  test('page numbers: the first page has a header of its own, empty; the others a centred PAGE field, 14 pt', async () => {
    const sectPrs: string[] = pkg.document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) || [];
    expect(sectPrs).toHaveLength(2);
    expect(sectPrs[0]).toMatch(/<w:titlePg\/>/);
    expect(sectPrs[1]).not.toMatch(/<w:titlePg\/>/);
    const rels = await pkg.part('word/_rels/document.xml.rels');
    const target = (sectPr: string, type: string): string => {
      const id = new RegExp('<w:headerReference w:type="' + type + '" r:id="([^"]+)"').exec(sectPr);
      expect([type, !!id]).toEqual([type, true]);
      return 'word/' + new RegExp('Id="' + id![1] + '"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="' + id![1] + '"').exec(rels)!.slice(1).filter(Boolean)[0];
    };
    const first = await pkg.part(target(sectPrs[0], 'first'));
    expect(first).not.toMatch(/PAGE/);
    expect(xmlParagraphs(first).map((p) => p.text)).toEqual(['']);
    for (const part of [target(sectPrs[0], 'default'), target(sectPrs[1], 'default')]) {
      const xml = await pkg.part(part);
      expect(xml).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*<w:fldChar w:fldCharType="end"\/>/);
      const p = xmlParagraphs(xml)[0];
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
      expect(sizes(p)).toEqual([14]);
      // Arabic: no w:pgNumType format other than decimal.
      expect(sectPrs.join('')).not.toMatch(/w:fmt="(?!decimal)/);
    }
    // The page number sits 1 cm from the top, inside the 2 cm margin.
    expect(sectPrs[0]).toMatch(/w:top="1134"[^>]*w:header="567"/);
  });

  test('signature block and "Nơi nhận" side by side in a borderless two-column table: TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH, room to sign, the name', () => {
    const all = tables(pkg.document);
    const signature = all.find((t) => t.indexOf('Nơi nhận:') >= 0)!;
    expect(signature).toBeDefined();
    expect(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(signature)![1].match(/w:val="[^"]+"/g)).toEqual(Array(6).fill('w:val="none"'));
    const [left, right] = cells(signature);
    expect(xmlParagraphs(left)[0].text).toBe('Nơi nhận:');
    const r = xmlParagraphs(right);
    expect(r.map((p) => p.text)).toEqual(['TM. ỦY BAN NHÂN DÂN XÃ', 'CHỦ TỊCH', '', '', '', '[Họ và tên]']);
    for (const p of [r[0], r[1], r[5]]) {
      expect(bold(p)).toBe(true);
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
    }
    // The closing sentence is kept on the signature's page.
    const ps = xmlParagraphs(pkg.document);
    const closing = ps.find((p) => /^Trên đây là báo cáo/.test(p.text))!;
    expect(closing.pPr).toMatch(/<w:keepNext\/>/);
  });

  test("section II.1 has a bar chart: one bar per field with its percentage, labelled in the report's number format, its caption under it", async () => {
    const ps = xmlParagraphs(pkg.document);
    const chartParagraph = ps.find((p) => /<c:chart\b/.test(p.xml))!;
    expect(chartParagraph).toBeDefined();
    const at = ps.indexOf(chartParagraph);
    expect(ps[at - 1].text).toMatch(/^- Xây dựng và phát triển chính quyền điện tử, chính quyền số: 10 điểm\/11,5 điểm, đạt 86,96%/);
    expect(ps[at + 1].text).toBe('Biểu đồ: Tỷ lệ điểm tự đánh giá so với điểm tối đa của từng lĩnh vực');
    expect(chartParagraph.pPr).toMatch(/<w:keepNext\/>/);
    const chart = await pkg.part('word/charts/chart1.xml');
    expect(chart).toMatch(/<c:barChart><c:barDir val="bar"\/>/);
    const cache = (tag: 'cat' | 'val') => {
      const block = new RegExp('<c:' + tag + '>([\\s\\S]*?)</c:' + tag + '>').exec(chart)![1];
      return (block.match(/<c:v>[^<]*<\/c:v>/g) || []).map((v) => v.replace(/<\/?c:v>/g, ''));
    };
    expect(cache('cat')).toEqual([
      '1. Công tác chỉ đạo điều hành',
      '2. Cải cách thể chế',
      '3. Cải cách thủ tục hành chính',
      '4. Cải cách tổ chức bộ máy chính quyền địa phương',
      '5. Cải cách chế độ công vụ',
      '6. Cải cách tài chính công',
      '7. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    ]);
    expect(cache('val').map(Number)).toEqual([95.67, 100, 96.11, 100, 72.73, 100, 86.96]);
    const labels = (chart.match(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g) || []).map((l) => (/<a:t>([^<]*)<\/a:t>/.exec(l) || ['', ''])[1]);
    expect(labels).toEqual(['95,67%', '100%', '96,11%', '100%', '72,73%', '100%', '86,96%']);
    // The package declares the part, so Word opens it.
    expect(await pkg.part('[Content_Types].xml')).toMatch(/<Override ContentType="application\/vnd\.openxmlformats-officedocument\.drawingml\.chart\+xml" PartName="\/word\/charts\/chart1\.xml"\/>/);
  });

  test('the page estimate of the sample: three portrait pages and the one landscape page of the appendix', () => {
    // What decree30Pdf.test.ts compares LibreOffice's PDF with. Page 1 holds the header, the title,
    // section I and II.1 down to field 5; the chart does not fit under it, so page 2 starts with
    // fields 6-7, the chart and II.2-5; section III with the closing and the signature block (kept
    // together) fill page 3; the appendix's three rows take one landscape page.
    const estimate = estimatePages(doc);
    expect(estimate.pages).toEqual([3, 1]);
    expect(estimate.firstOnPage).toEqual(['header ỦY BAN NHÂN DÂN', '- Cải cách tài chính công: 7 điểm/7 điểm, đạt 100%;', 'III. KIẾN NGHỊ, ĐỀ XUẤT', 'DANH SÁCH CÁC TIÊU CHÍ CẦN GIẢI TRÌNH']);
  });
});
