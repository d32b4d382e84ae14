/**
 * Words of reading a workbook the user handed us (the file gateway's refusals): one sentence in
 * Vietnamese and one in English per WorkbookInputErrorCode, naming the file. ES5-safe: part of
 * the core bundle; `src/xlsx/workbookInputError.ts` raises them as CchcErrors.
 */

export type WorkbookInputErrorCode = 'not-found' | 'not-a-file' | 'not-xlsx' | 'legacy-xls' | 'encrypted' | 'corrupt' | 'too-large' | 'too-many-entries' | 'beyond-limits';

/** What a 'beyond-limits' file has too much of. */
export type BeyondLimitsWhat = 'rows' | 'columns' | 'merges' | 'merged-cells';

/** Optional facts that make a message more precise (limits, counts). */
export interface WorkbookInputErrorInfo {
  /** Technical reason, for logs and tests; never shown as the message. */
  detail?: string;
  /** For 'too-large': the uncompressed limit in bytes when that is what was exceeded. */
  limitBytes?: number;
  /** For 'too-many-entries': how many entries the file declares, and the limit. */
  entries?: number;
  limitEntries?: number;
  /** For 'beyond-limits': what is too large, and the number found. */
  limitKind?: BeyondLimitsWhat;
  found?: number;
  /** For 'beyond-limits' on merges: the most the reader accepts. */
  limit?: number;
  /** The file is an Excel 97-2003 .xls (read through SheetJS): the messages say so. */
  legacyXls?: boolean;
  /** For 'corrupt': the file could not even be read (permissions, disk error). */
  unreadable?: boolean;
}

function mib(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)));
}

/** 1048576 -> "1.048.576" (Vietnamese digit grouping) or "1,048,576". */
function grouped(n: number, separator: string): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function legacyXlsMessages(code: WorkbookInputErrorCode, q: string): [string, string] | null {
  switch (code) {
    case 'corrupt':
      return [
        'Tệp ' + q + ' (Excel 97-2003, .xls) bị hỏng hoặc không phải bảng tính Excel; hãy mở bằng Excel, lưu lại thành .xlsx rồi thử lại.',
        q + ' (Excel 97-2003, .xls) is damaged or not an Excel workbook; open it in Excel, save it as .xlsx and retry.',
      ];
    case 'encrypted':
      return [
        'Tệp ' + q + ' (Excel 97-2003, .xls) được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại.',
        q + ' (Excel 97-2003, .xls) is password-protected; open it in Excel, remove the password and try again.',
      ];
    case 'too-large':
      return [
        'Tệp ' + q + ' (Excel 97-2003, .xls) vượt giới hạn của Excel hoặc quá lớn để đọc an toàn; không đọc.',
        q + " (Excel 97-2003, .xls) goes beyond Excel's limits or is too large to read safely; not read.",
      ];
    default:
      return null;
  }
}

/** The two sentences (Vietnamese, English) for a workbook the reader refuses, naming the file. */
export function workbookInputText(code: WorkbookInputErrorCode, name: string, info: WorkbookInputErrorInfo): [string, string] {
  const q = '"' + name + '"';
  const legacy = info.legacyXls && !info.unreadable ? legacyXlsMessages(code, q) : null;
  if (legacy) return legacy;
  switch (code) {
    case 'not-found':
      return ['Không tìm thấy tệp ' + q + '.', 'File ' + q + ' not found.'];
    case 'not-a-file':
      return [q + ' là một thư mục, không phải tệp Excel .xlsx.', q + ' is a folder, not an Excel .xlsx file.'];
    case 'not-xlsx':
      return ['Tệp ' + q + ' không phải tệp Excel .xlsx.', q + ' is not an Excel .xlsx file.'];
    case 'legacy-xls':
      return ['Tệp ' + q + ' là định dạng Excel 97-2003 (.xls); hãy lưu lại thành .xlsx.', q + ' is in the Excel 97-2003 format (.xls); save it as .xlsx and try again.'];
    case 'encrypted':
      return ['Tệp ' + q + ' được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại.', q + ' is password-protected; open it in Excel, remove the password and try again.'];
    case 'corrupt':
      if (info.unreadable) {
        return ['Không đọc được tệp ' + q + ' (không có quyền đọc hoặc lỗi ổ đĩa).', 'Cannot read ' + q + ' (no permission or a disk error).'];
      }
      return [
        'Tệp ' + q + ' bị hỏng hoặc không phải tệp .xlsx hợp lệ; hãy mở bằng Excel, lưu lại rồi thử lại.',
        q + ' is damaged or not a valid .xlsx file; open it in Excel, save it again and retry.',
      ];
    case 'too-large':
      return info.limitBytes !== undefined
        ? [
            'Tệp ' + q + ' quá lớn: khi giải nén vượt ' + mib(info.limitBytes) + ' MB; không đọc để tránh treo máy.',
            q + ' is too large: it unpacks to more than ' + mib(info.limitBytes) + ' MB; not read, to keep the computer responsive.',
          ]
        : ['Tệp ' + q + ' quá lớn: có phần nén với tỉ lệ bất thường (dấu hiệu "bom nén"); không đọc.', q + ' is too large: a part is compressed at an abnormal ratio (a "zip bomb" sign); not read.'];
    case 'beyond-limits': {
      const found = info.found !== undefined ? info.found : 0;
      if (info.limitKind === 'merges') {
        return [
          'Tệp ' + q + ' có ' + grouped(found, '.') + ' vùng ô gộp trong một trang, quá nhiều so với một bảng chấm điểm (tối đa ' + grouped(info.limit || 0, '.') + '); không đọc để tránh treo máy.',
          q +
            ' has ' +
            grouped(found, ',') +
            ' merged areas on one sheet, far more than a scoring table has (at most ' +
            grouped(info.limit || 0, ',') +
            '); not read, to keep the computer responsive.',
        ];
      }
      if (info.limitKind === 'merged-cells') {
        return [
          'Tệp ' + q + ' có vùng ô gộp quá lớn (' + grouped(found, '.') + ' ô trong vùng có dữ liệu); không đọc để tránh treo máy.',
          q + ' has merged areas that are too large (' + grouped(found, ',') + ' cells within its data); not read, to keep the computer responsive.',
        ];
      }
      const rows = info.limitKind === 'rows';
      return [
        'Tệp ' +
          q +
          ' có ' +
          (rows ? 'hàng số ' : 'cột số ') +
          grouped(found, '.') +
          ', vượt giới hạn ' +
          (rows ? '1.048.576 hàng' : '16.384 cột') +
          ' của Excel; tệp bị hỏng hoặc không do Excel tạo.',
        q +
          ' has ' +
          (rows ? 'row ' : 'column ') +
          grouped(found, ',') +
          ", beyond Excel's limit of " +
          (rows ? '1,048,576 rows' : '16,384 columns') +
          '; the file is damaged or was not made by Excel.',
      ];
    }
    case 'too-many-entries':
      return [
        'Tệp ' + q + ' chứa quá nhiều thành phần' + (info.entries !== undefined ? ' (' + info.entries + ', tối đa ' + info.limitEntries + ')' : '') + '; không giống một bảng tính thông thường.',
        q + ' has too many parts' + (info.entries !== undefined ? ' (' + info.entries + ', limit ' + info.limitEntries + ')' : '') + '; it does not look like an ordinary workbook.',
      ];
  }
}
