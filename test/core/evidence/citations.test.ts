import { Citation, parseCitations } from '../../../src/core/evidence/citations';

/** What a reader checks in one citation; fields left out are not asserted. */
interface Expected {
  docType?: Citation['docType'];
  label?: string | null;
  number?: string | null;
  symbol?: string | null;
  issuer?: string | null;
  /** "d/m/yyyy", "m/yyyy" (month only) or null. */
  date?: string | null;
  yearOnly?: number;
  text?: string;
}

function shown(c: Citation): Expected {
  const out: Expected = {
    docType: c.docType,
    label: c.label,
    number: c.number,
    symbol: c.symbol,
    issuer: c.issuer,
    date: c.date ? (c.date.day !== null ? c.date.day + '/' : '') + c.date.month + '/' + c.date.year : null,
    text: c.text,
  };
  if (c.yearOnly !== undefined) out.yearOnly = c.yearOnly;
  return out;
}

/** Real-looking evidence cells as officials type them, each with what must be read out of it. */
const TABLE: Array<[string, string, Expected[]]> = [
  [
    'the canonical citation with its issuer',
    'Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã',
    [{ docType: 'ke-hoach', label: 'Kế hoạch', number: '12/KH-UBND', symbol: 'KH-UBND', issuer: 'UBND xã', date: '5/1/2023', text: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã' }],
  ],
  ['abbreviated type, no "số", no "ngày"', 'QĐ 45/QĐ-UBND 20/3/2023', [{ docType: 'quyet-dinh', label: 'QĐ', number: '45/QĐ-UBND', issuer: 'UBND', date: '20/3/2023' }]],
  [
    'the seed: "số:", a space after the dash, the date in words',
    'Căn cứ Quyết định số: 3395/QĐ- UBND ngày 15 tháng 12 năm 2022 của UBND tỉnh Hải Dương',
    [{ docType: 'quyet-dinh', number: '3395/QĐ-UBND', issuer: 'UBND tỉnh Hải Dương', date: '15/12/2022' }],
  ],
  [
    'the seed: a công văn (symbol without a type), doubled spaces',
    'Thực hiện Công  văn  số 819/UBND-NV ngày 18 tháng 10 năm 2023 của UBND huyện',
    [{ docType: 'cong-van', label: 'Công văn', number: '819/UBND-NV', symbol: 'UBND-NV', issuer: 'UBND huyện', date: '18/10/2023' }],
  ],
  ['a symbol without a type word is a công văn, its issuer the first part', 'số 35/UBND-VP ngày 10/4/2023', [{ docType: 'cong-van', number: '35/UBND-VP', issuer: 'UBND', date: '10/4/2023' }]],
  [
    'several citations separated by ";" and a line break',
    'Báo cáo số 25/BC-UBND ngày 17/3/2023;\nBáo cáo số 89/BC-UBND ngày 15/6/2023',
    [
      { docType: 'bao-cao', number: '25/BC-UBND', date: '17/3/2023' },
      { docType: 'bao-cao', number: '89/BC-UBND', date: '15/6/2023' },
    ],
  ],
  [
    'separated by "," and "và", dotted date',
    'KH 12/KH-UBND, QĐ 45/QĐ-UBND và BC 3 ngày 5.1.2023',
    [
      { docType: 'ke-hoach', number: '12/KH-UBND', date: null },
      { docType: 'quyet-dinh', number: '45/QĐ-UBND', date: null },
      { docType: 'bao-cao', label: 'BC', number: '3', date: '5/1/2023' },
    ],
  ],
  [
    'two plans in one sentence, each with its date',
    'Kế hoạch số 12/KH-UBND ngày 05/01/2023, Kế hoạch số 13/KH-UBND ngày 06/01/2023',
    [
      { number: '12/KH-UBND', date: '5/1/2023' },
      { number: '13/KH-UBND', date: '6/1/2023' },
    ],
  ],
  ['hyphenated date, no document type', 'ngày 05-01-2023', [{ docType: null, label: null, number: null, date: '5/1/2023', text: 'ngày 05-01-2023' }]],
  ['en-dash date', 'QĐ 45/QĐ-UBND 20–3–2023', [{ number: '45/QĐ-UBND', date: '20/3/2023' }]],
  ['abbreviation "TTr" and a two-digit year after slashes', 'TTr số 5/TTr-UBND ngày 20/3/23', [{ docType: 'to-trinh', number: '5/TTr-UBND', date: '20/3/2023' }]],
  ['NQ of the HĐND, year inside the number', 'Nghị quyết số 01/2023/NQ-HĐND', [{ docType: 'nghi-quyet', number: '01/2023/NQ-HĐND', issuer: 'HĐND', date: null, yearOnly: 2023 }]],
  [
    'Thông báo, Tờ trình, Chỉ thị spelled out',
    'Thông báo số 15/TB-UBND ngày 05/12/2023; Tờ trình số 3/TTr-UBND; Chỉ thị số 01/CT-UBND',
    [
      { docType: 'thong-bao', date: '5/12/2023' },
      { docType: 'to-trinh', date: null },
      { docType: 'chi-thi', number: '01/CT-UBND' },
    ],
  ],
  [
    'types outside the list are "other" with their label',
    'Thông tư số 01/2023/TT-BNV; Giấy mời số 12/GM-UBND',
    [
      { docType: 'other', label: 'Thông tư', number: '01/2023/TT-BNV', yearOnly: 2023 },
      { docType: 'other', label: 'Giấy mời', number: '12/GM-UBND' },
    ],
  ],
  ['a line break inside one citation (Alt+Enter)', 'Kế hoạch số 12/KH-UBND\nngày 05/01/2023', [{ number: '12/KH-UBND', date: '5/1/2023' }]],
  ['"VB" with a number: a văn bản', 'VB 5', [{ docType: 'other', label: 'VB', number: '5' }]],
  ['date before the number', 'Quyết định ngày 20/3/2023 số 45/QĐ-UBND', [{ docType: 'quyet-dinh', number: '45/QĐ-UBND', date: '20/3/2023' }]],
  ['typed without diacritics', 'Ke hoach so 12/KH-UBND ngay 5/1/2023', [{ docType: 'ke-hoach', number: '12/KH-UBND', date: '5/1/2023' }]],
  ['"QD" without the stroke', 'QD 45/QD-UBND 20/3/2023', [{ docType: 'quyet-dinh', number: '45/QD-UBND', date: '20/3/2023' }]],
  ['extra spaces everywhere', 'Kế hoạch   số  12 /  KH-UBND   ngày  05 / 01 / 2023', [{ number: '12/KH-UBND', date: '5/1/2023' }]],
  ['non-breaking spaces (pasted from Word)', 'KH\u00a0số\u00a012/KH-UBND\u00a0ngày\u00a005/01/2023', [{ docType: 'ke-hoach', number: '12/KH-UBND', date: '5/1/2023' }]],
  ['a number left blank in a draft ("số /KH-UBND")', 'Kế hoạch số /KH-UBND ngày 20/12/2022', [{ docType: 'ke-hoach', number: null, symbol: 'KH-UBND', date: '20/12/2022' }]],
  ['invalid date 31/02 is not a date', 'Kế hoạch số 12/KH-UBND ngày 31/02/2023', [{ number: '12/KH-UBND', date: null }]],
  ['invalid month 13 is not a date', 'QĐ 45/QĐ-UBND 20/13/2023', [{ number: '45/QĐ-UBND', date: null }]],
  ['29 February only in a leap year', '29/02/2024, 29/02/2023', [{ date: '29/2/2024' }]],
  ['a letter O typed for a zero is not a year', 'ngày 05/01/2O23', []],
  ['a two-digit year after dots is not read (could be a criterion code)', 'xem 20.3.23', []],
  ['month and year only', 'Báo cáo tháng 12/2022', [{ docType: 'bao-cao', date: '12/2022' }]],
  ['a year mention with no document number', 'Sổ theo dõi hồ sơ liên thông năm 2023', [{ docType: null, number: null, date: null, yearOnly: 2023, text: 'năm 2023' }]],
  ['a type word with its year and issuer, no number', 'Kế hoạch CCHC năm 2023 của UBND xã về tuyên truyền', [{ docType: 'ke-hoach', number: null, yearOnly: 2023, issuer: 'UBND xã' }]],
  [
    "a document cited inside another one's title keeps its own date",
    'Báo cáo số 30/BC-UBND ngày 15/12/2023 về kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023',
    [
      { docType: 'bao-cao', date: '15/12/2023' },
      { docType: 'ke-hoach', date: '5/1/2023' },
    ],
  ],
  [
    '"Kế hoạch số 12 và số 13": the second keeps the type',
    'Kế hoạch số 12 và số 13',
    [
      { docType: 'ke-hoach', number: '12' },
      { docType: 'ke-hoach', number: '13', label: null },
    ],
  ],
  ['web address: its numbers and slashes are not citations', 'Xem https://x.vn/van-ban/12/KH-UBND-05-01-2023.pdf', []],
  [
    '"và/hoặc" is not a number; a bare type word is a citation without number or date',
    'Ảnh chụp và/hoặc biên bản',
    [{ docType: 'bien-ban', label: 'biên bản', number: null, symbol: null, date: null }],
  ],
  ['money with dots is not a date', 'Kinh phí 1.250.000 đồng', []],
  ['"Việt Nam 2023" is not a year mention', 'Hội nghị Việt Nam 2023', []],
  ['"hồ sơ 12" is not "số 12"', 'Tiếp nhận hồ sơ 12 bộ', []],
  ['a count is not a number', '99 Phiếu xin lỗi và hẹn lại ngày trả kết quả', []],
  ['nothing recognisable', 'Có', []],
];

describe('parseCitations on real-looking evidence cells', () => {
  test('the table holds at least 25 cells', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
  });

  test.each(TABLE)('%s: %j', (_what, text, expected) => {
    const got = parseCitations(text).map(shown);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
  });

  test('NFD text reads like NFC text, and the span is given back composed', () => {
    const nfc = 'Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã Thanh Xá';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const fromNfd = parseCitations(nfd);
    expect(fromNfd.map(shown)).toEqual(parseCitations(nfc).map(shown));
    expect(fromNfd[0].text).toBe(nfc);
    expect(fromNfd[0].issuer).toBe('UBND xã Thanh Xá');
    // start/end index the original (decomposed) text
    expect(fromNfd[0].end).toBe(nfd.length);
  });

  test('TCVN3 text already decoded to Unicode reads normally', () => {
    // "KÕ ho¹ch sè 12/KH-UBND ngµy 05/01/2023" decoded by the reader before it reaches the core.
    expect(parseCitations('KẾ HOẠCH SỐ 12/KH-UBND NGÀY 05/01/2023').map(shown)[0]).toMatchObject({ docType: 'ke-hoach', number: '12/KH-UBND', date: '5/1/2023' });
  });

  test('start and end locate each citation in the cell', () => {
    const text = 'Tin, bài; Quyết định số 52/QĐ-UBND ngày 28/3/2023 thành lập Đội thi';
    const [c] = parseCitations(text);
    expect(text.substring(c.start, c.end)).toBe('Quyết định số 52/QĐ-UBND ngày 28/3/2023');
  });

  test('empty text has no citation', () => {
    expect(parseCitations('')).toEqual([]);
    expect(parseCitations('   \n ')).toEqual([]);
  });

  test('stays linear on hostile input (no catastrophic backtracking)', () => {
    const rep = (s: string, n: number) => new Array(n + 1).join(s);
    const inputs = [rep('1/', 50000), 'số' + rep(' ', 100000) + 'x', rep('ngày 1 tháng ', 10000), '12/' + rep('KH-', 30000), 'Kế hoạch số 12 ' + rep('của ', 30000), rep('05/01/2023 ', 10000)];
    const started = Date.now();
    for (const input of inputs) parseCitations(input);
    // Each input is ~100 000 characters; a quadratic scan would take minutes.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
