import { describeError } from '../../src/app/errors';
import { CchcError, cchcError, errorText, isCchcError } from '../../src/core/errors';
import { isHostError } from '../../src/core/host';
import { messageTables, messageText } from '../../src/core/messages/errorText';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';

describe('CchcError: one error type, its words from the catalogue', () => {
  it('renders both languages from a code and parameters', () => {
    const e = cchcError('badYear', { min: 2000, max: 2100, value: '23' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CchcError);
    expect(e.code).toBe('badYear');
    expect(e.message).toBe(e.messageVi);
    expect(errorText(e, 'vi')).toBe('--year cần năm đánh giá gồm 4 chữ số, từ 2000 đến 2100 (ví dụ: --year 2023); nhận được "23".');
    expect(errorText(e, 'en')).toBe('--year takes the assessment year as 4 digits, 2000 to 2100 (e.g. --year 2023); got "23".');
  });

  it('a system error code names its sentence, by what the program was doing', () => {
    const e = cchcError('EACCES', { action: 'write', path: 'x.xlsx' });
    expect(e.messageEn).toBe('No permission to write "x.xlsx" (a read-only folder, or a locked file).');
    expect(cchcError('EWHATEVER', { path: 'x' }).messageEn).toBe('System error EWHATEVER with "x".');
  });

  it('the file gateway error is one, keeping its code and sentences', () => {
    const e = new WorkbookInputError('not-found', 'x.xlsx', { detail: 'ENOENT' });
    expect(e).toBeInstanceOf(CchcError);
    expect(e).toBeInstanceOf(WorkbookInputError);
    expect(isCchcError(e)).toBe(true);
    expect(e.code).toBe('not-found');
    expect(e.detail).toBe('ENOENT');
    expect(e.messageVi).toBe('Không tìm thấy tệp "x.xlsx".');
    expect(e.messageEn).toBe('File "x.xlsx" not found.');
    // Its own table and the catalogue's registry say the same.
    const big = new WorkbookInputError('beyond-limits', 'y.xlsx', { limitKind: 'merges', found: 10001, limit: 10000 });
    expect(cchcError('beyond-limits', big.params).messageVi).toBe(big.messageVi);
    expect(messageText('beyond-limits', 'en', big.params)).toBe(big.messageEn);
  });

  it('is recognised by its brand, not instanceof: a copy from another bundle or a structured clone still is', () => {
    const clone = JSON.parse(JSON.stringify(new WorkbookInputError('encrypted', 'a.xlsx')));
    clone.messageVi = new WorkbookInputError('encrypted', 'a.xlsx').messageVi;
    expect(isCchcError(clone)).toBe(true);
    expect(isHostError(clone)).toBe(false);
    expect(describeError(clone, 'vi').text).toBe('Tệp "a.xlsx" được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại.');
    expect(isCchcError(new Error('x'))).toBe(false);
    expect(isCchcError({ code: 'sheet-protected' })).toBe(false);
  });

  it('the pane describes it from the catalogue, with its detail', () => {
    const m = describeError(new WorkbookInputError('corrupt', 'b.xlsx', { detail: 'bad zip' }), 'en');
    expect(m).toEqual({ text: 'b.xlsx'.replace(/^/, '"') + '" is damaged or not a valid .xlsx file; open it in Excel, save it again and retry.', detail: 'bad zip' });
  });

  it('every code names one sentence: the tables of error codes do not overlap', () => {
    const tables = messageTables();
    const seen: { [code: string]: string } = {};
    for (const table of Object.keys(tables)) {
      for (const code of tables[table]) {
        expect(seen[code] === undefined ? table : seen[code] + ' and ' + table + ': ' + code).toBe(table);
        expect(/^E[A-Z0-9]+$/.test(code)).toBe(false);
        seen[code] = table;
      }
    }
  });
});
