import JSZip from 'jszip';
import { analyseWorkbook } from '../../src/core/analyse';
import { buildSelfAssessmentReport } from '../../src/core/report/selfAssessmentReport';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { reportDocxBytes } from '../../src/docx/selfAssessmentDocx';
import { decode } from './decree30';

/** The Word file opened back the way Word does: unzip, read word/document.xml. */

/** Text of every paragraph, in document order (table cells included). */
function paragraphs(xml: string): string[] {
  const out: string[] = [];
  const re = /<w:p[ >][\s\S]*?<\/w:p>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const texts = m[0].match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) || [];
    out.push(decode(texts.map((t) => t.replace(/<[^>]+>/g, '')).join('')));
  }
  return out;
}

/** Rows of a table as cell texts. */
function tableRows(tableXml: string): string[][] {
  return (tableXml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) || []).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) || []).map((tc) => paragraphs(tc).join('\n')));
}

async function open(bytes: Uint8Array): Promise<{ xml: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return { xml: await file.async('string'), zip };
}

describe('the report as a .docx', () => {
  const analysis = analyseWorkbook(buildSampleGrid());
  let xml = '';
  let zip: JSZip;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await reportDocxBytes(buildSelfAssessmentReport(analysis, 'vi'));
    ({ xml, zip } = await open(bytes));
  });

  test('is a Word package (zip with the document parts)', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(zip.file('word/styles.xml')).not.toBeNull();
  });

  test("has the seed's headings and the computed figures, in order", () => {
    const p = paragraphs(xml);
    const expectedInOrder = [
      // The issuing body in full on two lines (Decree 30/2020), never "UBND XÃ THANH XÁ".
      'ỦY BAN NHÂN DÂN',
      'XÃ THANH XÁ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: …/BC-UBND',
      'Thanh Xá, ngày … tháng … năm …',
      'BÁO CÁO',
      'Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023 của xã Thanh Xá',
      'I. TÌNH HÌNH TRIỂN KHAI',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Kết quả tự đánh giá thực hiện cải cách hành chính (CCHC) của UBND xã (đánh giá tài liệu kiểm chứng)',
      'Tổng điểm tự đánh giá: 68,13 điểm/74 điểm, đạt 92,07%. Trong đó, điểm tự đánh giá trên các lĩnh vực sau:',
      '- Công tác chỉ đạo điều hành: 14,35 điểm/15 điểm, đạt 95,67%',
      '- Cải cách thể chế: 5 điểm/5 điểm, đạt 100%;',
      '- Cải cách thủ tục hành chính: 17,78 điểm/18,5 điểm, đạt 96,11%',
      '- Cải cách tổ chức bộ máy chính quyền địa phương: 6 điểm/6 điểm, đạt 100%;',
      '- Cải cách chế độ công vụ: 8 điểm/11 điểm, đạt 72,73%',
      '- Cải cách tài chính công: 7 điểm/7 điểm, đạt 100%;',
      '- Xây dựng và phát triển chính quyền điện tử, chính quyền số: 10 điểm/11,5 điểm, đạt 86,96%',
      'Biểu đồ: Tỷ lệ điểm tự đánh giá so với điểm tối đa của từng lĩnh vực',
      '2. Đánh giá tác động của cải cách hành chính',
      '- Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND cấp xã giao: 2 điểm/2 điểm',
      '3. Tồn tại, hạn chế trong tự đánh giá',
      '4. Nguyên nhân của tồn tại, hạn chế',
      '5. Giải pháp, khắc phục',
      'III. KIẾN NGHỊ, ĐỀ XUẤT',
      '1. Kiến nghị, đề xuất về Chỉ số CCHC',
      '2. Kiến nghị, đề xuất khác',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN XÃ',
      'CHỦ TỊCH',
      'DANH SÁCH CÁC TIÊU CHÍ CẦN GIẢI TRÌNH',
    ];
    let at = -1;
    for (const expected of expectedInOrder) {
      const found = p.findIndex((x, i) => i > at && x.indexOf(expected) === 0);
      expect([expected, found > at]).toEqual([expected, true]);
      at = found;
    }
    expect(p.join('\n')).not.toMatch(/\d\.\d+ điểm|\d\.\d+%/);
    expect(p).not.toContain('UBND XÃ THANH XÁ');
  });

  test('the appendix table lists the criteria to explain (no evidence, or evidence out of period), with a repeating header row', () => {
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) || [];
    const appendix = tables[tables.length - 1];
    const rows = tableRows(appendix);
    expect(rows[0]).toEqual(['STT', 'Mã', 'Tiêu chí, tiêu chí thành phần', 'Vị trí', 'Điểm tự đánh giá', 'Lý do', 'Giải trình']);
    const listed = analysis.flags.filter((f) => f.kind === 'missing-evidence' || f.kind === 'evidence-out-of-period');
    expect(rows.slice(1).map((r) => [r[1], r[3], r[4]])).toEqual(listed.map((f) => [f.code, f.sheet + ', ô ' + f.cell, '1']));
    expect(rows.slice(1).map((r) => [r[1], r[5]])).toEqual([
      ['4.1.2', 'Được chấm điểm nhưng chưa có tài liệu kiểm chứng'],
      ['6.1.3', 'Được chấm điểm nhưng chưa có tài liệu kiểm chứng'],
      ['6.2.2', expect.stringMatching(/^Tài liệu kiểm chứng của tiêu chí 6\.2\.2 ghi ngày .+, ngoài năm đánh giá 2023/)],
    ]);
    expect(appendix).toMatch(/<w:tblHeader\/>/);
    expect(appendix).toMatch(/<w:insideV w:val="single"/);
  });

  test('A4, Times New Roman 13–14 pt, the appendix on a landscape page, prompts highlighted', () => {
    const sections = xml.match(/<w:pgSz [^>]*\/>/g) || [];
    expect(sections).toEqual(['<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>']);
    const fonts = new Set((xml.match(/w:ascii="[^"]+"/g) || []).map((x) => x));
    expect([...fonts]).toEqual(['w:ascii="Times New Roman"']);
    const sizes = new Set((xml.match(/<w:sz w:val="(\d+)"\/>/g) || []).map((x) => Number(/\d+/.exec(x)![0]) / 2));
    // 13–14 pt throughout; 12 and 11 pt only for "Nơi nhận" and its list, as Decree 30/2020 sets them.
    expect([...sizes].sort()).toEqual([11, 12, 13, 14]);
    const nameRun = /<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>\[Họ và tên\]<\/w:t>/.exec(xml);
    expect(nameRun && nameRun[1]).toMatch(/<w:highlight w:val="yellow"\/>/);
    const heading = /<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>I\. TÌNH HÌNH TRIỂN KHAI<\/w:t>/.exec(xml);
    expect(heading && heading[1]).toMatch(/<w:b\/>/);
  });

  test('renders without Node Buffer, as in the browser (docx and JSZip loaded afresh with no Buffer)', async () => {
    const saved = (globalThis as { Buffer?: unknown }).Buffer;
    let browserBytes: Uint8Array;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      let fresh: typeof import('../../src/docx/selfAssessmentDocx') | null = null;
      jest.isolateModules(() => {
        fresh = require('../../src/docx/selfAssessmentDocx');
      });
      browserBytes = await fresh!.reportDocxBytes(buildSelfAssessmentReport(analysis, 'vi'));
    } finally {
      (globalThis as { Buffer?: unknown }).Buffer = saved;
    }
    expect(Buffer.isBuffer(browserBytes)).toBe(false);
    const again = await open(browserBytes);
    expect(paragraphs(again.xml)).toContain('Tổng điểm tự đánh giá: 68,13 điểm/74 điểm, đạt 92,07%. Trong đó, điểm tự đánh giá trên các lĩnh vực sau:');
  });
});
