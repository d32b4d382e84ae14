import { Lang } from '../number/format';
import { ColumnRole } from '../recognise/header';
import { RoleReason, RowKind } from '../recognise/reading';

/**
 * Words of "how the table was read": `cchc score --explain` (and the pane's "Cách đọc bảng"), and
 * the command line's messages about the user's choice of columns (`--column`, `--columns FILE.json`)
 * and of profile (`--profile`). Vietnamese first, English. Templates take {name} placeholders,
 * already formatted by the caller. ES5-safe: part of the core bundle.
 */
type Template = { vi: string; en: string };

import { ROLE_TEXT } from './roleText';
import { fillTemplate } from './template';

export { ROLE_TEXT };

/** Why a column was given its role. */
export const REASON_TEXT: { [reason in RoleReason]: Template } = {
  user: { vi: 'do người dùng chọn (--column, tệp --columns hoặc "Cách đọc bảng")', en: 'chosen by the user (--column, a --columns file or "How the table is read")' },
  header: { vi: 'tiêu đề cột ghi đúng vai trò này', en: 'its header names this role' },
  year: { vi: 'tiêu đề cột ghi năm đánh giá, cột kia ghi năm khác', en: 'its header names the assessment year, the other another year' },
  visible: { vi: 'các cột còn lại cùng loại đang bị ẩn', en: 'the other candidates are hidden' },
  wording: {
    vi: 'lời tiêu đề hợp với vai trò này hơn (tự đánh giá hơn thẩm định, của xã hơn của huyện)',
    en: 'its header words fit the role better (self over appraised, the commune over the district)',
  },
  content: {
    vi: 'theo nội dung cột (mã phân cấp chứ không phải số thứ tự 1, 2, 3…; điểm không vượt điểm tối đa)',
    en: 'from what the column holds (hierarchical codes, not a running 1, 2, 3…; scores within the maxima)',
  },
  position: {
    vi: 'không có gì phân biệt các cột: lấy cột bên phải nhất (xem cảnh báo "chưa chắc cột")',
    en: 'nothing told the candidates apart: the rightmost was taken (see the "unsure which column" warning)',
  },
};

/** What a body row was read as; `field` is a criterion at the top of the tree. */
export const ROW_KIND_TEXT: { [kind in RowKind | 'field']: Template } = {
  field: { vi: 'lĩnh vực', en: 'field' },
  criterion: { vi: 'tiêu chí', en: 'criterion' },
  part: { vi: 'phần', en: 'part' },
  tier: { vi: 'mức điểm', en: 'tier' },
  group: { vi: 'nhóm', en: 'group' },
  survey: { vi: 'tiêu chí ĐTXHH', en: 'survey criterion' },
  deduction: { vi: 'điểm trừ', en: 'deduction' },
  total: { vi: 'dòng tổng', en: 'total row' },
  ignored: { vi: 'bỏ qua', en: 'ignored' },
};

/** English plurals of ROW_KIND_TEXT for the counts line (Vietnamese nouns do not change). */
const ROW_KIND_PLURAL_EN: { [kind in RowKind | 'field']: string } = {
  field: 'fields',
  criterion: 'criteria',
  part: 'parts',
  tier: 'tiers',
  group: 'groups',
  survey: 'survey criteria',
  deduction: 'deductions',
  total: 'total rows',
  ignored: 'ignored',
};

/** "3 tiêu chí" / "3 criteria", "1 criterion". */
export function rowKindCount(kind: RowKind | 'field', n: number, lang: Lang): string {
  return n + ' ' + (lang === 'en' && n !== 1 ? ROW_KIND_PLURAL_EN[kind] : ROW_KIND_TEXT[kind][lang]);
}

/** Why a sheet was not scored (WorkbookAnalysis.skipped[].reason). */
export const SKIP_TEXT: { [reason: string]: Template } = {
  'not-a-scoring-table': { vi: 'không phải bảng chấm điểm', en: 'not a scoring table' },
  'tool-owned': { vi: 'trang do công cụ ghi, không chấm', en: 'written by the tool, not scored' },
  summary: { vi: 'bảng tổng hợp, không chấm', en: 'a summary sheet, not scored' },
};

export const EXPLAIN_TEXT = {
  // cchc score --explain
  heading: { vi: 'CÁCH ĐỌC BẢNG', en: 'HOW THE TABLES WERE READ' },
  table: { vi: 'Trang tính "{sheet}", bảng {index}', en: 'Sheet "{sheet}", table {index}' },
  headerRows: { vi: 'Dòng tiêu đề: {rows}; bảng kết thúc ở dòng {last}.', en: 'Header rows: {rows}; the table ends at row {last}.' },
  columnsHeading: { vi: 'Cột theo vai trò (đổi bằng --column VAI-TRÒ=CỘT):', en: 'Columns by role (change with --column ROLE=COLUMN):' },
  roleLine: { vi: '{column} — {reason}', en: '{column} — {reason}' },
  alternatives: { vi: 'cũng có thể: {list}', en: 'could also be: {list}' },
  column: { vi: 'cột {col} "{label}"', en: 'column {col} "{label}"' },
  columnNoLabel: { vi: 'cột {col}', en: 'column {col}' },
  hiddenMark: { vi: ' (ẩn)', en: ' (hidden)' },
  noColumn: { vi: 'Không có cột: {list}.', en: 'No column for: {list}.' },
  hiddenColumns: { vi: 'Cột ẩn: {list}.', en: 'Hidden columns: {list}.' },
  noHiddenColumns: { vi: 'Không có cột ẩn.', en: 'No hidden columns.' },
  hiddenUnknown: { vi: 'Không biết cột nào bị ẩn: nơi đọc tệp không cho biết.', en: 'Which columns are hidden is unknown: the host could not tell.' },
  rowsHeading: { vi: 'Các dòng đã đọc: {counts}.', en: 'Rows read: {counts}.' },
  rowLine: { vi: 'dòng {row}: {kind}', en: 'row {row}: {kind}' },
  tierOf: { vi: ' của {code}', en: ' of {code}' },
  rowLabel: { vi: ' (nhãn "{label}")', en: ' (label "{label}")' },
  moreRows: { vi: '… và {n} dòng khác', en: '… and {n} more rows' },
  noRows: { vi: 'không có dòng nào', en: 'no rows' },
  skippedHeading: { vi: 'Trang tính không chấm:', en: 'Sheets not scored:' },
  skippedLine: { vi: '"{sheet}": {reason}', en: '"{sheet}": {reason}' },
  // --column, --columns, --explain: the user's input
  columnSyntax: {
    vi: '--column cần dạng VAI-TRÒ=CỘT, ví dụ --column self=E hoặc --column "Phụ lục 1!self=E,max=D"; nhận được "{spec}".',
    en: '--column takes ROLE=COLUMN, e.g. --column self=E or --column "Phụ lục 1!self=E,max=D"; got "{spec}".',
  },
  unknownRole: {
    vi: '{where}: không có vai trò cột "{role}". Dùng: {known}.',
    en: '{where}: no column role "{role}". Use: {known}.',
  },
  badColumn: {
    vi: '{where}: "{value}" không phải cột cho {role}; ghi chữ cột từ A đến XFD (ví dụ E), số thứ tự cột từ 1 (E là 5) hoặc none nếu bảng không có cột này.',
    en: '{where}: "{value}" is not a column for {role}; write a column letter A to XFD (e.g. E), a column number from 1 (E is 5) or none when the table has no such column.',
  },
  roleTwice: {
    vi: '--column: {role} được chọn hai lần cho {scope} (cột {first} và {second}); chỉ chọn một cột.',
    en: '--column: {role} is chosen twice for {scope} (columns {first} and {second}); choose one.',
  },
  columnTwice: {
    vi: '{where}: cột {col} được chọn cho cả {first} và {second}; mỗi cột chỉ giữ một vai trò.',
    en: '{where}: column {col} is chosen for both {first} and {second}; a column holds one role.',
  },
  everySheet: { vi: 'mọi trang tính', en: 'every sheet' },
  sheetScope: { vi: 'trang tính "{sheet}"', en: 'sheet "{sheet}"' },
  emptySheetName: { vi: '--column "{spec}": thiếu tên trang tính trước dấu "!".', en: '--column "{spec}": the sheet name before "!" is missing.' },
  columnsFileUnreadable: { vi: 'Không đọc được tệp cột "{file}": {reason}', en: 'Cannot read the columns file "{file}": {reason}' },
  columnsFileInvalidJson: { vi: 'Tệp cột "{file}" không phải JSON hợp lệ: {reason}', en: 'The columns file "{file}" is not valid JSON: {reason}' },
  columnsFileShape: {
    vi: 'Tệp cột "{file}": {where} phải là một đối tượng {"vai-trò": "CỘT"}, ví dụ {"Phụ lục 1": {"self": "E", "max": "D"}, "*": {"evidence": "G"}}.',
    en: 'The columns file "{file}": {where} must be an object {"role": "COLUMN"}, e.g. {"Phụ lục 1": {"self": "E", "max": "D"}, "*": {"evidence": "G"}}.',
  },
  columnsFileTop: { vi: 'toàn tệp', en: 'the whole file' },
  unknownSheet: {
    vi: 'Không có trang tính "{sheet}" trong "{file}" (chọn cột bằng {source}); các trang tính: {sheets}.',
    en: 'No sheet "{sheet}" in "{file}" (columns chosen with {source}); its sheets: {sheets}.',
  },
  explainOnlyScore: { vi: '--explain chỉ dùng với lệnh score, ví dụ: cchc score phu-luc.xlsx --explain', en: '--explain goes with the score command, e.g. cchc score appendix.xlsx --explain' },
  columnsNotForSample: { vi: '{option} không dùng với lệnh sample.', en: '{option} does not go with the sample command.' },
  // --profile
  unknownProfile: {
    vi: 'Không có bộ tiêu chí "{id}". Dùng: auto (tự nhận), none (không đối chiếu), {known} hoặc một tệp .json.',
    en: 'No profile "{id}". Use: auto (recognise), none (no cross-check), {known} or a .json file.',
  },
};

export type ExplainTextKey = keyof typeof EXPLAIN_TEXT;

/** A parameter: the same in both languages, or one text per language. */
export type ExplainParam = string | number | Template;
type Params = { [name: string]: ExplainParam };

function fill(template: string, lang: Lang, params: Params | undefined): string {
  if (!params) return template;
  return fillTemplate(template, function (name: string): string | undefined {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return undefined;
    const value = params[name];
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

export function explainText(key: ExplainTextKey, lang: Lang, params?: Params): string {
  return fill(EXPLAIN_TEXT[key][lang], lang, params);
}

/** Both languages at once, for errors raised before the language is settled. */
export function explainTextBoth(key: ExplainTextKey, params?: Params): Template {
  return { vi: fill(EXPLAIN_TEXT[key].vi, 'vi', params), en: fill(EXPLAIN_TEXT[key].en, 'en', params) };
}

/** A role as an option name and in words: "self (điểm tự đánh giá)". */
export function roleWithWords(role: ColumnRole): Template {
  return { vi: role + ' (' + ROLE_TEXT[role].vi + ')', en: role + ' (' + ROLE_TEXT[role].en + ')' };
}
