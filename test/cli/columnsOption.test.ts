import { HELP_EN, HELP_VI, parseArgs, UsageError } from '../../src/cli/args';
import { addColumnSpec, mergeChoices, parseColumnsJson, parseColumnValue, resolveSheetNames, roleFromName } from '../../src/cli/columns';
import { loadProfile } from '../../src/cli/main';

/** `--column`, `--columns FILE.json`, `--explain` and `--profile` as parsed, without running anything. */

function usageError(run: () => unknown): UsageError {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

function thrown(run: () => unknown): Error & { messageEn: string } {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  return error as Error & { messageEn: string };
}

describe('--column: grammar', () => {
  test('ROLE=LETTER for every sheet, as "--column self=E" or "--column=self=E"', () => {
    expect(parseArgs(['score', 'a.xlsx', '--column', 'self=E']).columns).toEqual({ '*': { self: 4 } });
    expect(parseArgs(['score', 'a.xlsx', '--column=self=E']).columns).toEqual({ '*': { self: 4 } });
    expect(parseArgs(['score', 'a.xlsx']).columns).toBeUndefined();
  });

  test('repeatable, and several pairs in one value with commas', () => {
    expect(parseArgs(['score', 'a.xlsx', '--column', 'self=E', '--column', 'max=D']).columns).toEqual({ '*': { self: 4, max: 3 } });
    expect(parseArgs(['score', 'a.xlsx', '--column', 'self=E,max=D, evidence=g']).columns).toEqual({ '*': { self: 4, max: 3, evidence: 6 } });
  });

  test('a column as a letter in any case up to XFD, as a 1-based number, or none', () => {
    expect(parseColumnValue('A')).toBe(0);
    expect(parseColumnValue('e')).toBe(4);
    expect(parseColumnValue('AA')).toBe(26);
    expect(parseColumnValue('XFD')).toBe(16383);
    expect(parseColumnValue('5')).toBe(4);
    expect(parseColumnValue('1')).toBe(0);
    expect(parseColumnValue('16384')).toBe(16383);
    expect(parseColumnValue('none')).toBeNull();
    expect(parseColumnValue('không')).toBeNull();
    expect(parseColumnValue(null)).toBeNull();
    expect(parseColumnValue(5)).toBe(4);
    for (const bad of ['XFE', 'ABCD', '0', '16385', 'E1', '-1', '', '1.5', 'Đ']) expect(parseColumnValue(bad)).toBeUndefined();
    for (const bad of [0, 1.5, 16385, -2, true, {}, []]) expect(parseColumnValue(bad)).toBeUndefined();
    expect(parseArgs(['score', 'a.xlsx', '--column', 'self=5,appraised=none']).columns).toEqual({ '*': { self: 4, appraised: null } });
  });

  test('roles in English or as Vietnamese words, diacritics, case, spaces and "_" forgiven', () => {
    const cases: Array<[string, string]> = [
      ['code', 'code'],
      ['ma', 'code'],
      ['Mã', 'code'],
      ['name', 'name'],
      ['noi-dung', 'name'],
      ['ten', 'name'],
      ['max', 'max'],
      ['toi-da', 'max'],
      ['Tối đa', 'max'],
      ['self', 'self'],
      ['tu-danh-gia', 'self'],
      ['tu-cham', 'self'],
      ['Tự đánh giá', 'self'],
      ['TU_DANH_GIA', 'self'],
      ['appraised', 'appraised'],
      ['tham-dinh', 'appraised'],
      ['evidence', 'evidence'],
      ['kiem-chung', 'evidence'],
      ['minh-chung', 'evidence'],
      ['guidance', 'guidance'],
      ['huong-dan', 'guidance'],
      ['note', 'note'],
      ['ghi-chu', 'note'],
      ['percent', 'percent'],
      ['ty-le', 'percent'],
      ['appraisedPercent', 'appraisedPercent'],
      ['appraised-percent', 'appraisedPercent'],
      ['ty-le-tham-dinh', 'appraisedPercent'],
    ];
    for (const [name, role] of cases) expect([name, roleFromName(name)]).toEqual([name, role]);
    expect(roleFromName('stt')).toBeNull();
    expect(parseArgs(['score', 'a.xlsx', '--column', 'tu-danh-gia=E,toi-da=D']).columns).toEqual({ '*': { self: 4, max: 3 } });
  });

  test('a sheet before "!" scopes the pairs to that sheet; Excel quotes are taken off', () => {
    expect(parseArgs(['score', 'a.xlsx', '--column', 'Phụ lục 1!self=E,max=D']).columns).toEqual({ 'Phụ lục 1': { self: 4, max: 3 } });
    expect(parseArgs(['score', 'a.xlsx', '--column', "'Phụ lục 1'!self=E", '--column', 'self=F']).columns).toEqual({ 'Phụ lục 1': { self: 4 }, '*': { self: 5 } });
    expect(parseArgs(['score', 'a.xlsx', '--column', "'It''s'!self=E"]).columns).toEqual({ "It's": { self: 4 } });
    expect(parseArgs(['score', 'a.xlsx', '--column', 'A!B!self=E']).columns).toEqual({ 'A!B': { self: 4 } });
  });

  test('also for report and consolidate; not for sample', () => {
    expect(parseArgs(['report', 'a.xlsx', '--column', 'self=E']).columns).toEqual({ '*': { self: 4 } });
    expect(parseArgs(['consolidate', 'dir', '--column', 'self=E', '--columns', 'c.json']).columns).toEqual({ '*': { self: 4 } });
    expect(parseArgs(['consolidate', 'dir', '--columns=c.json']).columnsFile).toBe('c.json');
    expect(usageError(() => parseArgs(['sample', 'x.xlsx', '--column', 'self=E'])).message).toContain('--column không dùng với lệnh sample');
  });
});

describe('--column: mistakes are one clear usage error in both languages', () => {
  test('an unknown role names it and lists the roles', () => {
    const e = usageError(() => parseArgs(['score', 'a.xlsx', '--column', 'stt=A']));
    expect(e.message).toContain('không có vai trò cột "stt"');
    expect(e.message).toContain('self/tu-danh-gia');
    expect(e.messageEn).toContain('no column role "stt"');
  });

  test('a bad column names the value and the role', () => {
    for (const value of ['E1', 'XFE', '0', '', 'abc1']) {
      const e = usageError(() => parseArgs(['score', 'a.xlsx', '--column', 'self=' + value + ',max=D']));
      expect(e.message).toMatch(/--column cần dạng|không phải cột cho self \(điểm tự đánh giá\)/);
    }
    const e = usageError(() => parseArgs(['score', 'a.xlsx', '--column', 'self=E1']));
    expect(e.message).toBe('--column: "E1" không phải cột cho self (điểm tự đánh giá); ghi chữ cột từ A đến XFD (ví dụ E), số thứ tự cột từ 1 (E là 5) hoặc none nếu bảng không có cột này.');
    expect(e.messageEn).toContain('"E1" is not a column for self (self-score)');
  });

  test('no "=", nothing after it, or nothing at all', () => {
    for (const spec of ['self', 'self=', '=E', ',', 'Phụ lục 1!']) {
      expect(usageError(() => parseArgs(['score', 'a.xlsx', '--column', spec])).message).toContain('--column cần dạng VAI-TRÒ=CỘT');
    }
    expect(usageError(() => parseArgs(['score', 'a.xlsx', '--column'])).message).toBe('Thiếu giá trị cho --column.');
    expect(usageError(() => parseArgs(['score', 'a.xlsx', '--column', '!self=E'])).message).toContain('thiếu tên trang tính');
  });

  test('one role given two columns for the same sheet, or one column two roles', () => {
    const twice = usageError(() => parseArgs(['score', 'a.xlsx', '--column', 'self=E', '--column', 'tu-danh-gia=D']));
    expect(twice.message).toBe('--column: self được chọn hai lần cho mọi trang tính (cột E và D); chỉ chọn một cột.');
    expect(twice.messageEn).toBe('--column: self is chosen twice for every sheet (columns E and D); choose one.');
    expect(usageError(() => parseArgs(['score', 'a.xlsx', '--column', 'Phụ lục 1!self=E,self=D'])).message).toContain('trang tính "Phụ lục 1"');
    // The same choice twice is no conflict; a sheet's own choice beside the "*" one is none either.
    expect(parseArgs(['score', 'a.xlsx', '--column', 'self=E', '--column', 'self=5']).columns).toEqual({ '*': { self: 4 } });
    const column = usageError(() => parseArgs(['score', 'a.xlsx', '--column', 'self=E,max=e']));
    expect(column.message).toBe('--column: cột E được chọn cho cả max và self; mỗi cột chỉ giữ một vai trò.');
    expect(parseArgs(['score', 'a.xlsx', '--column', 'self=none,appraised=none']).columns).toEqual({ '*': { self: null, appraised: null } });
  });
});

describe('--columns FILE.json', () => {
  test('sheets (or "*") to roles to letters, 1-based numbers, null or "none"', () => {
    const text = JSON.stringify({ 'Phụ lục 1': { self: 'E', 'toi-da': 'D', appraised: null }, '*': { evidence: 7, note: 'none' } });
    expect(parseColumnsJson(text, 'c.json')).toEqual({ 'Phụ lục 1': { self: 4, max: 3, appraised: null }, '*': { evidence: 6, note: null } });
    expect(parseColumnsJson('\uFEFF{"*": {"Tự đánh giá": "e"}}', 'c.json')).toEqual({ '*': { self: 4 } });
    expect(parseColumnsJson('{}', 'c.json')).toEqual({});
  });

  test('invalid JSON says where', () => {
    const e = usageError(() => parseColumnsJson('{\n  "*": {\n    "self": "E",\n  }\n}', 'cot.json'));
    expect(e.message).toMatch(/^Tệp cột "cot\.json" không phải JSON hợp lệ: .*\(dòng 4, cột 3\)$/);
    expect(e.messageEn).toMatch(/^The columns file "cot\.json" is not valid JSON: .*\(line 4, column 3\)$/);
  });

  test('the wrong shape, an unknown role, a bad column: each named with its place in the file', () => {
    expect(usageError(() => parseColumnsJson('[1]', 'c.json')).message).toContain('Tệp cột "c.json": toàn tệp phải là một đối tượng');
    expect(usageError(() => parseColumnsJson('{"*": "E"}', 'c.json')).message).toContain('Tệp cột "c.json": "*" phải là một đối tượng');
    const role = usageError(() => parseColumnsJson('{"Phụ lục 1": {"stt": "A"}}', 'c.json'));
    expect(role.message).toContain('c.json › "Phụ lục 1": không có vai trò cột "stt"');
    const bad = usageError(() => parseColumnsJson('{"*": {"self": "E1"}}', 'c.json'));
    expect(bad.message).toContain('c.json › "*" › "self": "E1" không phải cột cho self');
    expect(usageError(() => parseColumnsJson('{"*": {"self": 0}}', 'c.json')).message).toContain('"0" không phải cột');
    expect(usageError(() => parseColumnsJson('{"*": {"self": true}}', 'c.json')).message).toContain('"true" không phải cột');
    expect(usageError(() => parseColumnsJson('{"*": {"self": "E", "max": 5}}', 'c.json')).message).toContain('cột E được chọn cho cả max và self');
  });

  test('--column wins over the file, role by role and sheet by sheet', () => {
    const file = parseColumnsJson('{"*": {"self": "E", "max": "C"}, "A": {"self": "F"}}', 'c.json');
    const args = addColumnSpec({}, 'self=D');
    expect(mergeChoices(file, args)).toEqual({ '*': { self: 3, max: 2 }, A: { self: 5 } });
    expect(mergeChoices(undefined, args)).toBe(args);
    expect(mergeChoices(file, undefined)).toBe(file);
    expect(usageError(() => mergeChoices(file, addColumnSpec({}, 'self=C'))).message).toContain('cột C được chọn cho cả max và self');
  });
});

describe('sheet names in a column choice', () => {
  const sheets = ['Phụ lục 1', 'Phụ lục 2'];
  test('match as typed, in another Unicode form or case, or without diacritics when that is unique', () => {
    expect(resolveSheetNames({ 'Phụ lục 1': { self: 4 }, '*': { max: 3 } }, sheets, 'a.xlsx', '--column')).toEqual({ 'Phụ lục 1': { self: 4 }, '*': { max: 3 } });
    expect(resolveSheetNames({ ['Phụ lục 2'.normalize('NFD')]: { self: 4 } }, sheets, 'a.xlsx', '--column')).toEqual({ 'Phụ lục 2': { self: 4 } });
    expect(resolveSheetNames({ 'PHỤ LỤC 2': { self: 4 } }, sheets, 'a.xlsx', '--column')).toEqual({ 'Phụ lục 2': { self: 4 } });
    expect(resolveSheetNames({ 'Phu luc 1': { self: 4 } }, sheets, 'a.xlsx', '--column')).toEqual({ 'Phụ lục 1': { self: 4 } });
  });

  test('a sheet the workbook lacks is an error that lists its sheets', () => {
    const e = usageError(() => resolveSheetNames({ 'Phụ lục 3': { self: 4 } }, sheets, 'a.xlsx', '--columns c.json'));
    expect(e.message).toBe('Không có trang tính "Phụ lục 3" trong "a.xlsx" (chọn cột bằng --columns c.json); các trang tính: "Phụ lục 1", "Phụ lục 2".');
    expect(e.messageEn).toBe('No sheet "Phụ lục 3" in "a.xlsx" (columns chosen with --columns c.json); its sheets: "Phụ lục 1", "Phụ lục 2".');
  });
});

describe('--explain and --profile', () => {
  test('--explain goes with score only', () => {
    expect(parseArgs(['score', 'a.xlsx', '--explain']).explain).toBe(true);
    expect(parseArgs(['score', 'a.xlsx']).explain).toBe(false);
    expect(usageError(() => parseArgs(['report', 'a.xlsx', '--explain'])).message).toContain('--explain chỉ dùng với lệnh score');
    expect(usageError(() => parseArgs(['consolidate', 'd', '--explain'])).messageEn).toContain('--explain goes with the score command');
  });

  test('none forces no profile, an id that profile, auto the default; an unknown id lists the known ones', () => {
    expect(parseArgs(['score', 'a.xlsx']).profile).toBe('auto');
    expect(loadProfile('auto')).toBe('auto');
    expect(loadProfile('none')).toBeNull();
    expect(loadProfile('None')).toBeNull();
    const forced = loadProfile('hai-duong-3395-xa');
    expect(forced && forced !== 'auto' ? forced.id : forced).toBe('hai-duong-3395-xa');
    const e = thrown(() => loadProfile('ha-noi'));
    expect(e.message).toBe('Không có bộ tiêu chí "ha-noi". Dùng: auto (tự nhận), none (không đối chiếu), hai-duong-3395-xa hoặc một tệp .json.');
    expect(e.messageEn).toBe('No profile "ha-noi". Use: auto (recognise), none (no cross-check), hai-duong-3395-xa or a .json file.');
  });

  test('the help names the new options in both languages', () => {
    for (const text of [HELP_VI, HELP_EN]) {
      expect(text).toContain('--explain');
      expect(text).toContain('--column self=E,max=D');
      expect(text).toContain('--column "Phụ lục 1!self=E"');
      expect(text).toContain('--columns');
      expect(text).toContain('hai-duong-3395-xa');
    }
    expect(HELP_VI).toContain('appraisedPercent/ty-le-tham-dinh');
  });
});
