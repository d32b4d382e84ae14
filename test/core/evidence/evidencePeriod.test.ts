import { parseCitations } from '../../../src/core/evidence/citations';
import { citationInPeriod, citesDateInYear, EvidenceVerdict, formatCitationDate, judgeEvidence } from '../../../src/core/evidence/evidencePeriod';

const verdict = (text: string, year: number | null = 2023): EvidenceVerdict => judgeEvidence(text, year).verdict;

describe('judgeEvidence: is the evidence of the assessment year?', () => {
  test.each<[string, string, EvidenceVerdict]>([
    ['dated in the year', 'Quyết định số 45/QĐ-UBND ngày 20/3/2023', 'in-period'],
    ['dated the year before', 'Quyết định số 45/QĐ-UBND ngày 20/3/2022', 'out-of-period'],
    ['dated the year after', 'Báo cáo số 05/BC-UBND ngày 08/01/2024', 'out-of-period'],
    ['a plan issued in the fourth quarter of the year before counts', 'Kế hoạch số 150/KH-UBND ngày 15/12/2022', 'in-period'],
    ['… from 1 October', 'Kế hoạch số 150/KH-UBND ngày 01/10/2022', 'in-period'],
    ['… but not in September', 'Kế hoạch số 150/KH-UBND ngày 30/9/2022', 'out-of-period'],
    ['… nor two years before', 'Kế hoạch số 150/KH-UBND ngày 15/12/2021', 'out-of-period'],
    ['a plan known only by its symbol gets the same allowance', 'số 150/KH-UBND ngày 15/12/2022', 'in-period'],
    ['the fourth-quarter allowance is for plans only', 'Quyết định số 200/QĐ-UBND ngày 15/12/2022', 'out-of-period'],
    ['a plan dated by month only, December of the year before', 'Kế hoạch tháng 12/2022', 'in-period'],
    ['one date in the year is enough', 'Quyết định số 5/QĐ-UBND ngày 10/01/2022; Báo cáo số 250/BC-UBND ngày 05/12/2023', 'in-period'],
    ['every date outside: flagged', 'Quyết định số 5/QĐ-UBND ngày 10/01/2022; Báo cáo số 25/BC-UBND ngày 05/12/2022', 'out-of-period'],
    ['undated citations do not save an out-of-period one', 'Kế hoạch số 20/KH-UBND; Quyết định số 5/QĐ-UBND ngày 10/01/2022', 'out-of-period'],
    ['a year mention counts at year precision', 'Sổ theo dõi hồ sơ liên thông năm 2023', 'in-period'],
    ['a year mention of another year is out of period', 'Sổ theo dõi hồ sơ liên thông năm 2022', 'out-of-period'],
    ['the year inside a legal document number', 'Nghị quyết số 01/2022/NQ-HĐND', 'out-of-period'],
    ['cited by number but never dated', 'Kế hoạch số 20/KH-UBND', 'no-date'],
    ['a blank number with its symbol is still a document', 'Kế hoạch số /KH-UBND', 'no-date'],
    ['an invalid date is no date', 'Kế hoạch số 12/KH-UBND ngày 31/02/2022', 'no-date'],
    ['nothing recognisable', 'Có', 'unparsed'],
    ['a description without number or date', 'Ảnh chụp bảng niêm yết TTHC tại Bộ phận một cửa', 'unparsed'],
    ['a type word alone is not enough', 'Biên bản kiểm tra', 'unparsed'],
    ['a pointer to another criterion', 'Như tài liệu kiểm chứng tại tiêu chí thành phần 1.2.1', 'reference'],
    ['… abbreviated', 'Như TLKC tiêu chí 1.2.1', 'reference'],
    ['empty', '  ', 'empty'],
    ['punctuation only', ' - ', 'empty'],
  ])('%s: %j', (_what, text, expected) => {
    expect(verdict(text)).toBe(expected);
  });

  test('without a known year, dated evidence is undecided, never out of period', () => {
    expect(verdict('Quyết định số 45/QĐ-UBND ngày 20/3/2019', null)).toBe('undecided');
    expect(verdict('Có', null)).toBe('unparsed');
  });

  test('the year decides: the same 2022 decision is in period for 2022', () => {
    const text = 'Quyết định số 45/QĐ-UBND ngày 20/3/2022';
    expect(verdict(text, 2022)).toBe('in-period');
    expect(verdict(text, 2023)).toBe('out-of-period');
  });

  test('lists the citations outside the year', () => {
    const j = judgeEvidence('Quyết định số 5/QĐ-UBND ngày 10/01/2022; Báo cáo năm 2021', 2023);
    expect(j.verdict).toBe('out-of-period');
    expect(j.outside.map(formatCitationDate)).toEqual(['10/01/2022', '2021']);
    expect(judgeEvidence('Báo cáo ngày 10/01/2022; Báo cáo ngày 02/02/2023', 2023).outside.map(formatCitationDate)).toEqual(['10/01/2022']);
  });

  test('NFD evidence is judged like NFC evidence', () => {
    const text = 'Kế hoạch số 150/KH-UBND ngày 15/12/2022';
    expect(verdict(text.normalize('NFD'))).toBe('in-period');
    expect(verdict('Quyết định số 45/QĐ-UBND ngày 20/3/2022'.normalize('NFD'))).toBe('out-of-period');
  });
});

describe('citationInPeriod and formatCitationDate', () => {
  test('a citation without date or year has no period', () => {
    const [c] = parseCitations('Kế hoạch số 20/KH-UBND');
    expect(citationInPeriod(c, 2023)).toBeNull();
    expect(formatCitationDate(c)).toBe('');
  });

  test('dates are shown as officials write them', () => {
    const shown = parseCitations('ngày 5/1/2023; tháng 12 năm 2022; năm 2021').map(formatCitationDate);
    expect(shown).toEqual(['05/01/2023', '12/2022', '2021']);
  });
});

describe('citesDateInYear: the quick check the check step runs before parsing', () => {
  test('clears the usual in-year citation, not one of another year', () => {
    expect(citesDateInYear('Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã', 2023)).toBe(true);
    expect(citesDateInYear('Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND xã', 2023)).toBe(false);
    expect(citesDateInYear('Kế hoạch số 12/KH-UBND ngày 31/02/2023', 2023)).toBe(false);
    expect(citesDateInYear('Kế hoạch số 12/KH-UBND ngày 05/01/2022', null)).toBe(true);
    expect(citesDateInYear('Có', null)).toBe(false);
  });

  /** Pieces that trip parsers: dates glued to numbers, addresses, invisible characters, NFD, invalid days. */
  const PIECES = [
    'Kế hoạch',
    'QĐ',
    'số',
    ' ',
    '  ',
    '\n',
    ';',
    ',',
    'và',
    'ngày',
    'tháng',
    'năm',
    'Nam',
    '/',
    '.',
    '-',
    '–',
    ':',
    '05/01/2023',
    '31/02/2023',
    '29/02/2024',
    '5.1.2023',
    '05-01-2022',
    '20/3/23',
    '12/KH-UBND',
    '15/2023/QĐ-UBND',
    '1',
    '12',
    '2023',
    '2022',
    'https://x.vn/',
    'www.',
    '\u200b',
    '\u00ad',
    '\u00a0',
    '\u0301',
    'Ế',
    'của UBND xã',
    'tiêu chí 1.2.1',
    '(',
    ')',
  ];

  test('whenever it clears a cell, the full judgement agrees (no flag is ever skipped)', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let cleared = 0;
    for (let n = 0; n < 20000; n++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(next() * 8);
      for (let k = 0; k < count; k++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
      const text = parts.join(next() < 0.5 ? ' ' : '');
      for (const year of [2023, null]) {
        if (!citesDateInYear(text, year)) continue;
        cleared++;
        expect([text, year, judgeEvidence(text, year).verdict]).toEqual([text, year, year === null ? 'undecided' : 'in-period']);
      }
    }
    // The check is worth having: it clears a good share of these cells.
    expect(cleared).toBeGreaterThan(1000);
  });
});
