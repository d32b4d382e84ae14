import fc from 'fast-check';
import { composeVietnameseFallback, foldText, toNfc } from '../../../src/core/text/fold';

/** Every Vietnamese vowel with every tone, written out independently of the module's tables. */
const LOWER_VOWELS = 'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ'.replace(/ /g, '');
const UPPER_VOWELS = LOWER_VOWELS.toUpperCase();
const ALL_LETTERS = (LOWER_VOWELS + UPPER_VOWELS + 'đĐ').split('');

const PHRASES = [
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Tài liệu kiểm chứng',
  'Tự đánh giá',
  'Hướng dẫn chấm điểm',
  'Cải cách thủ tục hành chính',
  'Ghi chú',
  'Tổng cộng',
  'Công tác chỉ đạo điều hành',
  'Ủy ban nhân dân xã Quỳnh Hoa, tỉnh Nghệ An',
  'Kết quả giải quyết hồ sơ đúng hạn',
  'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến',
];

const nfd = (s: string) => s.normalize('NFD');
const nfc = (s: string) => s.normalize('NFC');

describe('foldText', () => {
  test('known phrases', () => {
    expect(foldText('Điểm tối đa')).toBe('diem toi da');
    expect(foldText('Tài liệu kiểm chứng')).toBe('tai lieu kiem chung');
    expect(foldText('Hướng dẫn chấm điểm')).toBe('huong dan cham diem');
    expect(foldText('Cải cách thủ tục hành chính')).toBe('cai cach thu tuc hanh chinh');
    expect(foldText('ĐIỂM TỰ ĐÁNH GIÁ')).toBe('diem tu danh gia');
  });

  test('every Vietnamese letter folds to its plain ASCII base', () => {
    expect(ALL_LETTERS).toHaveLength(12 * 6 * 2 + 2);
    for (const letter of ALL_LETTERS) {
      const base = letter === 'đ' || letter === 'Đ' ? 'd' : nfd(letter).charAt(0).toLowerCase();
      expect([letter, foldText(letter)]).toEqual([letter, base]);
      expect([letter, foldText(nfd(letter))]).toEqual([letter, base]);
    }
  });

  test('NFC and NFD fold the same', () => {
    for (const p of PHRASES) {
      expect(nfd(p)).not.toBe(p);
      expect(foldText(nfd(p))).toBe(foldText(nfc(p)));
    }
  });

  test('old and new tone placement fold the same', () => {
    const pairs: Array<[string, string]> = [
      ['hoà', 'hòa'],
      ['Khoá', 'Khóa'],
      ['thuý', 'thúy'],
      ['khoẻ', 'khỏe'],
      ['Quỳnh Hoà', 'Quỳnh Hòa'],
      ['uỷ ban', 'ủy ban'],
    ];
    for (const [oldStyle, newStyle] of pairs) {
      expect(foldText(oldStyle)).toBe(foldText(newStyle));
      expect(foldText(nfd(oldStyle))).toBe(foldText(newStyle));
    }
  });

  test('upper and lower case fold the same', () => {
    for (const p of PHRASES) expect(foldText(p.toUpperCase())).toBe(foldText(p.toLowerCase()));
  });

  test('whitespace runs of any kind become one space, trimmed', () => {
    expect(foldText('  Tài\u00a0liệu\r\n\tkiểm \u2003  chứng \u3000')).toBe('tai lieu kiem chung');
    expect(foldText('\ufeffGhi chú\n')).toBe('ghi chu');
    expect(foldText('   ')).toBe('');
    expect(foldText('')).toBe('');
  });

  test('invisible characters and stray combining marks go', () => {
    expect(foldText('Tổng\u00adcộng')).toBe('tongcong');
    expect(foldText('Ghi\u200b chú')).toBe('ghi chu');
    expect(foldText('\u0301a b\u0303')).toBe('a b');
  });

  test('text that is already folded comes back unchanged (same string)', () => {
    const s = 'diem toi da 1.2 (a)';
    expect(foldText(s)).toBe(s);
  });

  test('other scripts are lower-cased, digits and punctuation kept', () => {
    expect(foldText('Mục I.2: ΑΒΓ – 50%')).toBe('muc i.2: αβγ – 50%');
  });

  test('long strings', () => {
    const long = 'Điểm tối đa '.repeat(2000);
    expect(foldText(long)).toBe('diem toi da '.repeat(2000).trim());
  });

  test('property: NFD, NFC and case never change the fold', () => {
    const chars = ALL_LETTERS.concat(['b', 'c', 'n', 'g', 'h', ' ', '\u00a0', '\n', '1', ',']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (arr) => {
        const s = arr.join('');
        const f = foldText(s);
        expect(foldText(nfd(s))).toBe(f);
        expect(foldText(s.toUpperCase())).toBe(f);
        expect(f).toMatch(/^(?:[a-z0-9,]+(?: [a-z0-9,]+)*)?$/);
      }),
    );
  });
});

describe('toNfc and its fallback', () => {
  test('toNfc composes NFD text', () => {
    for (const p of PHRASES) expect(toNfc(nfd(p))).toBe(p);
  });

  test('the fallback composes every Vietnamese letter like native NFC', () => {
    for (const letter of ALL_LETTERS) {
      expect([letter, composeVietnameseFallback(nfd(letter))]).toEqual([letter, letter]);
    }
    for (const p of PHRASES) expect(composeVietnameseFallback(nfd(p))).toBe(p);
  });

  test('the fallback takes hat and tone marks in either order, or joined to a partly composed letter', () => {
    expect(composeVietnameseFallback('a\u0302\u0301')).toBe('ấ');
    expect(composeVietnameseFallback('a\u0301\u0302')).toBe('ấ');
    expect(composeVietnameseFallback('o\u031b\u0323')).toBe('ợ');
    expect(composeVietnameseFallback('o\u0323\u031b')).toBe('ợ');
    expect(composeVietnameseFallback('A\u0323\u0306')).toBe('Ặ');
    expect(composeVietnameseFallback('ê\u0301')).toBe('ế');
    expect(composeVietnameseFallback('á\u0302')).toBe('ấ');
    expect(composeVietnameseFallback('ư\u0300')).toBe('ừ');
    expect(composeVietnameseFallback('U\u031b\u0303')).toBe('Ữ');
    // Native NFC agrees where the order is the canonical one or reorderable.
    for (const s of ['a\u0302\u0301', 'o\u031b\u0323', 'o\u0323\u031b', 'A\u0323\u0306', 'ê\u0301']) {
      expect(composeVietnameseFallback(s)).toBe(nfc(s));
    }
  });

  test('the fallback keeps tone placement and leaves what cannot join', () => {
    expect(composeVietnameseFallback('hoa\u0300')).toBe('hoà');
    expect(composeVietnameseFallback('ho\u0300a')).toBe('hòa');
    expect(composeVietnameseFallback('a\u0301\u0301')).toBe('á\u0301'); // a second tone
    expect(composeVietnameseFallback('e\u0306')).toBe('e\u0306'); // no e with breve
    expect(composeVietnameseFallback('b\u0301c')).toBe('b\u0301c'); // consonant
    expect(composeVietnameseFallback('\u0301a')).toBe('\u0301a'); // mark with no base
    expect(composeVietnameseFallback('Điểm')).toBe('Điểm');
    const plain = 'no marks here';
    expect(composeVietnameseFallback(plain)).toBe(plain);
  });

  test('property: the fallback equals native NFC on Vietnamese text in NFD', () => {
    const chars = ALL_LETTERS.concat(['b', 'c', 'n', 'g', 'h', ' ', '1']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (arr) => {
        const s = arr.join('');
        expect(composeVietnameseFallback(nfd(s))).toBe(s);
      }),
    );
  });

  test('toNfc uses the fallback when String.prototype.normalize is missing (IE11)', () => {
    const proto = String.prototype as any;
    const saved = Object.getOwnPropertyDescriptor(String.prototype, 'normalize')!;
    try {
      delete proto.normalize;
      expect(typeof proto.normalize).toBe('undefined');
      expect(toNfc('Đie\u0302\u0309m to\u0302\u0301i đa')).toBe('Điểm tối đa');
      expect(toNfc('hoa\u0300')).toBe('hoà');
      expect(toNfc('Tổng cộng')).toBe('Tổng cộng');
    } finally {
      Object.defineProperty(String.prototype, 'normalize', saved);
    }
    expect(typeof ''.normalize).toBe('function');
  });
});
