import { analyseWorkbook } from '../../../src/core/analyse';
import { ReportBlock, ReportDocument, ReportLine, ReportRun, buildSelfAssessmentReport, reportDocumentText } from '../../../src/core/report/selfAssessmentReport';
import { reportText } from '../../../src/core/report/reportText';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';
import { HEADER, sheet, workbook } from '../../helpers/gridBuilder';

/** The self-assessment report as data, checked the way an official reads the printed report. */

const lineText = (l: ReportLine) => l.runs.map((r) => r.text).join('');
const blocks = (doc: ReportDocument): ReportBlock[] => doc.sections.reduce((all: ReportBlock[], s) => all.concat(s.blocks), []);
const headings = (doc: ReportDocument) => blocks(doc).filter((b): b is Extract<ReportBlock, { kind: 'heading' }> => b.kind === 'heading');
const paragraphs = (doc: ReportDocument) =>
  blocks(doc)
    .filter((b): b is Extract<ReportBlock, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => lineText(b.line));
const allRuns = (doc: ReportDocument): ReportRun[] => {
  const lines: ReportLine[] = [];
  for (const b of blocks(doc)) {
    if (b.kind === 'columns') for (const r of b.rows) lines.push(...r.left, ...r.right);
    else if (b.kind === 'title') lines.push(...b.lines);
    else if (b.kind === 'table') for (const row of b.rows) lines.push(...row);
    else lines.push(b.line);
  }
  return ([] as ReportRun[]).concat(...lines.map((l) => l.runs));
};
/** Paragraph lines under each heading, by heading text. */
const underHeadings = (doc: ReportDocument): { [heading: string]: ReportLine[] } => {
  const out: { [heading: string]: ReportLine[] } = {};
  let current = '';
  for (const b of doc.sections[0].blocks) {
    if (b.kind === 'heading') out[(current = lineText(b.line))] = [];
    else if (b.kind === 'paragraph' && current) out[current].push(b.line);
  }
  return out;
};

describe('the self-assessment report of the sample (Thanh Xá 2023)', () => {
  const analysis = analyseWorkbook(buildSampleGrid());
  const doc = buildSelfAssessmentReport(analysis, 'vi');
  const text = reportDocumentText(doc);

  test('administrative header and title name the commune and the year read from the sheets', () => {
    const header = blocks(doc)[0];
    expect(header.kind).toBe('columns');
    if (header.kind !== 'columns') return;
    expect(header.rows[0].left.map(lineText)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ THANH XÁ']);
    expect(header.rows[0].right.map(lineText)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(header.rows[1].left.map(lineText)).toEqual(['Số: …/BC-UBND']);
    expect(header.rows[1].right.map(lineText)).toEqual(['Thanh Xá, ngày … tháng … năm …']);
    const title = blocks(doc)[1];
    expect(title.kind === 'title' && title.lines.map(lineText)).toEqual(['BÁO CÁO', 'Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023 của xã Thanh Xá']);
    expect(doc.fileName).toBe('bao-cao-tu-danh-gia-cchc-xa-thanh-xa-2023.docx');
  });

  test("the seed's sections, in the seed's order", () => {
    expect(headings(doc).map((h) => [h.level, lineText(h.line)])).toEqual([
      [1, 'I. TÌNH HÌNH TRIỂN KHAI'],
      [1, 'II. KẾT QUẢ THỰC HIỆN'],
      [2, '1. Kết quả tự đánh giá thực hiện cải cách hành chính (CCHC) của UBND xã (đánh giá tài liệu kiểm chứng)'],
      [2, '2. Đánh giá tác động của cải cách hành chính'],
      [2, '3. Tồn tại, hạn chế trong tự đánh giá'],
      [2, '4. Nguyên nhân của tồn tại, hạn chế'],
      [2, '5. Giải pháp, khắc phục'],
      [1, 'III. KIẾN NGHỊ, ĐỀ XUẤT'],
      [2, '1. Kiến nghị, đề xuất về Chỉ số CCHC'],
      [2, '2. Kiến nghị, đề xuất khác'],
    ]);
  });

  test('section II carries the computed figures in Vietnamese format, each field as the seed writes it', () => {
    const p = paragraphs(doc);
    expect(p).toContain('Tổng điểm tự đánh giá: 68,13 điểm/74 điểm, đạt 92,07%. Trong đó, điểm tự đánh giá trên các lĩnh vực sau:');
    const fields = [
      'Công tác chỉ đạo điều hành: 14,35 điểm/15 điểm, đạt 95,67%',
      'Cải cách thể chế: 5 điểm/5 điểm, đạt 100%',
      'Cải cách thủ tục hành chính: 17,78 điểm/18,5 điểm, đạt 96,11%',
      'Cải cách tổ chức bộ máy chính quyền địa phương: 6 điểm/6 điểm, đạt 100%',
      'Cải cách chế độ công vụ: 8 điểm/11 điểm, đạt 72,73%',
      'Cải cách tài chính công: 7 điểm/7 điểm, đạt 100%',
      'Xây dựng và phát triển chính quyền điện tử, chính quyền số: 10 điểm/11,5 điểm, đạt 86,96%',
    ];
    const fieldParagraphs = p.filter((x) => x.indexOf('- ') === 0 && / điểm\/[\d,]+ điểm, đạt /.test(x));
    expect(fieldParagraphs).toHaveLength(7);
    fields.forEach((f, i) => expect(fieldParagraphs[i].indexOf('- ' + f)).toBe(0));
    // A field below its maximum says why in the commune's own note, as the seed's field 5 line does.
    expect(fieldParagraphs[4]).toBe('- Cải cách chế độ công vụ: 8 điểm/11 điểm, đạt 72,73% (Năm 2023 xã chưa thực hiện đánh giá, xếp loại cán bộ, công chức);');
    expect(fieldParagraphs[1]).toBe('- Cải cách thể chế: 5 điểm/5 điểm, đạt 100%;');
    expect(fieldParagraphs[6].slice(-1)).toBe('.');
    expect(p).toContain('- Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND cấp xã giao: 2 điểm/2 điểm');
    // One number format throughout: no "17.78" next to "17,78" as in the hand-written seed.
    expect(text).not.toMatch(/\d\.\d+ điểm|\d\.\d+%/);
  });

  test('the text report and the document share their sentences', () => {
    const plain = reportText(analysis, 'vi').split('\n');
    for (const l of plain.slice(0, 2)) expect(paragraphs(doc).concat(headings(doc).map((h) => lineText(h.line)))).toContain(l);
    const fieldLines = plain.filter((l) => /^- .*đạt/.test(l));
    fieldLines.forEach((l) => expect(text).toContain(l.slice(0, -1)));
  });

  test('what the tool cannot know is a prompt to fill, and nothing else is bracketed', () => {
    const runs = allRuns(doc);
    const prompts = runs.filter((r) => r.prompt).map((r) => r.text);
    for (const r of runs) if (!r.prompt) expect(r.text).not.toMatch(/\[|…/);
    for (const t of prompts) expect(t).toMatch(/^\s*\[.+\]$|…/);
    const sections = underHeadings(doc);
    for (const h of ['3. Tồn tại, hạn chế trong tự đánh giá', '4. Nguyên nhân của tồn tại, hạn chế', '5. Giải pháp, khắc phục', '1. Kiến nghị, đề xuất về Chỉ số CCHC', '2. Kiến nghị, đề xuất khác']) {
      const promptOnly = sections[h].filter((l) => l.runs.length === 1 && l.runs[0].prompt && /^\[Nêu /.test(l.runs[0].text));
      expect([h, promptOnly.length]).toEqual([h, 1]);
    }
    expect(prompts).toContain('[Họ và tên]');
    // Section 3 states the computed facts, the rest is left to the commune.
    const count = (kind: string) => analysis.flags.filter((f) => f.kind === kind).length;
    expect([count('missing-evidence'), count('evidence-out-of-period')]).toEqual([2, 1]);
    expect(paragraphs(doc)).toContain('- Có 2 tiêu chí, tiêu chí thành phần được chấm điểm nhưng chưa có tài liệu kiểm chứng (danh sách kèm theo).');
    expect(paragraphs(doc)).toContain('- Có 1 tiêu chí, tiêu chí thành phần có tài liệu kiểm chứng ngoài thời gian đánh giá (danh sách kèm theo).');
  });

  test('signature block: recipients and the chair, signer left to fill', () => {
    const sig = blocks(doc).filter((b) => b.kind === 'columns')[1];
    if (sig.kind !== 'columns') throw new Error('no signature');
    expect(sig.role).toBe('signature');
    expect(sig.rows[0].left.map(lineText)).toEqual(['Nơi nhận:', '- UBND huyện Thanh Hà;', '- Phòng Nội vụ huyện Thanh Hà (để báo cáo);', '- Chủ tịch, Phó Chủ tịch UBND xã;', '- Lưu: VT.']);
    expect(sig.rows[0].right.map(lineText).filter((x) => x)).toEqual(['TM. ỦY BAN NHÂN DÂN XÃ', 'CHỦ TỊCH', '[Họ và tên]']);
  });

  test('the appendix lists every criterion scored without evidence or with evidence out of period: where, score, reason', () => {
    expect(doc.sections).toHaveLength(2);
    expect(doc.sections[1].orientation).toBe('landscape');
    const table = doc.sections[1].blocks.find((b) => b.kind === 'table');
    if (!table || table.kind !== 'table') throw new Error('no table');
    expect(table.columns).toEqual(['STT', 'Mã', 'Tiêu chí, tiêu chí thành phần', 'Vị trí', 'Điểm tự đánh giá', 'Lý do', 'Giải trình']);
    const expected = analysis.flags.filter((f) => f.kind === 'missing-evidence' || f.kind === 'evidence-out-of-period');
    const rows = table.rows.map((r) => r.map(lineText));
    expect(rows.map((r) => [r[1], r[3]])).toEqual(expected.map((f) => [f.code, f.sheet + ', ô ' + f.cell]));
    expect(rows).toEqual([
      ['1', '4.1.2', 'Phân công nhiệm vụ cho thành viên UBND, cán bộ, công chức xã', 'Phụ lục 1, ô F80', '1', 'Được chấm điểm nhưng chưa có tài liệu kiểm chứng', '[Giải trình]'],
      ['2', '6.1.3', 'Báo cáo tình hình quản lý, sử dụng tài sản công', 'Phụ lục 1, ô F104', '1', 'Được chấm điểm nhưng chưa có tài liệu kiểm chứng', '[Giải trình]'],
      [
        '3',
        '6.2.2',
        'Báo cáo kết quả thực hiện cơ chế tự chủ',
        'Phụ lục 1, ô F110',
        '1',
        expect.stringMatching(/^Tài liệu kiểm chứng của tiêu chí 6\.2\.2 ghi ngày \d\d\/\d\d\/\d{4}, ngoài năm đánh giá 2023/),
        '[Giải trình]',
      ],
    ]);
    expect(doc.explanationCount).toBe(3);
    // The text report lists the same criteria, the out-of-period one saying so.
    const plain = reportText(analysis, 'vi');
    expect(plain).toContain('- 4.1.2 Phân công nhiệm vụ cho thành viên UBND, cán bộ, công chức xã (Phụ lục 1, ô F80): 1 điểm\n');
    expect(plain).toContain('- 6.2.2 Báo cáo kết quả thực hiện cơ chế tự chủ (Phụ lục 1, ô F110): 1 điểm, tài liệu kiểm chứng ngoài thời gian đánh giá');
  });

  test('in English on request, with English number format', () => {
    const en = reportDocumentText(buildSelfAssessmentReport(analysis, 'en'));
    expect(en).toContain('I. IMPLEMENTATION');
    expect(en).toContain('Total self-assessed score: 68.13 points/74 points, 92.07%.');
    expect(en).toContain('- Công tác chỉ đạo điều hành: 14.35 points/15 points, 95.67%');
  });
});

describe('a workbook whose titles name neither commune nor year', () => {
  const bare = workbook(sheet('Sheet1', [HEADER, ['1', 'Công tác chỉ đạo điều hành', 2, 1.5, '', ''], ['1.1', 'Ban hành kế hoạch CCHC', 2, 1.5, 'Kế hoạch số 1/KH-UBND', '']]));
  const doc = buildSelfAssessmentReport(analyseWorkbook(bare, { profile: null }), 'vi');
  const text = reportDocumentText(doc);

  test('leaves the commune, place, year and legal basis as prompts instead of guessing', () => {
    expect(text).toContain('ỦY BAN NHÂN DÂN\n[TÊN XÃ]');
    expect(text).toContain('[Địa danh], ngày … tháng … năm …');
    expect(text).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm [năm]');
    expect(text).toContain('Căn cứ [số, ngày, trích yếu văn bản của UBND tỉnh');
    expect(text).toContain('- Công tác chỉ đạo điều hành: 1,5 điểm/2 điểm, đạt 75% [nêu lý do chưa đạt điểm tối đa].');
    expect(text).toContain('[Tệp không có bảng chấm điểm tác động (Phụ lục 2)');
    expect(text).toContain('- UBND [huyện];');
  });

  test('a year the user states (cchc --year) fills the title and the closing sentence', () => {
    const withYear = reportDocumentText(buildSelfAssessmentReport(analyseWorkbook(bare, { profile: null }), 'vi', { year: 2024 }));
    expect(withYear).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024');
    expect(withYear).toContain('Chỉ số cải cách hành chính năm 2024.');
    expect(withYear).not.toContain('[năm]');
  });

  test('no appendix when nothing needs an explanation', () => {
    expect(doc.sections).toHaveLength(1);
    expect(doc.explanationCount).toBe(0);
    expect(doc.fileName).toBe('bao-cao-tu-danh-gia-cchc.docx');
  });
});
