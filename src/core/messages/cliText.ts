import { Lang } from '../number/format';
import { fillTemplate } from './template';

/**
 * Words of the command line (`cchc`): its usage mistakes, its refusals of what the user named,
 * its progress lines and the lines that say what was written, and the help texts. Vietnamese
 * first, English. Templates take {name} placeholders; the CLI escapes control characters in the
 * values before they are filled. ES5-safe (the catalogue is one folder of the core).
 */

export const CLI_TEXT = {
  // Usage mistakes (exit code 2).
  missingValue: { vi: 'Thiếu giá trị cho {option}.', en: 'Missing value for {option}.' },
  badLang: { vi: '--lang chỉ nhận vi hoặc en.', en: '--lang takes vi or en.' },
  unknownOption: { vi: 'Tùy chọn không hợp lệ: {option}', en: 'Unknown option: {option}' },
  unknownCommand: {
    vi: 'Lệnh không hợp lệ: {command} (dùng score, report, sample hoặc consolidate).',
    en: 'Unknown command: {command} (use score, report, sample or consolidate).',
  },
  tooManyArguments: { vi: 'Thừa tham số: {extra}', en: 'Too many arguments: {extra}' },
  noInputFile: {
    vi: 'Hãy chỉ ra tệp .xlsx cần chấm, ví dụ: cchc {command} phu-luc.xlsx (hoặc --sample).',
    en: 'Name the .xlsx file to score, e.g. cchc {command} appendix.xlsx (or --sample).',
  },
  docxOnlyReport: {
    vi: '--docx chỉ dùng với lệnh report, ví dụ: cchc report phu-luc.xlsx --docx bao-cao.docx',
    en: '--docx goes with the report command, e.g. cchc report appendix.xlsx --docx report.docx',
  },
  badGroups: {
    vi: '--groups cần ba ngưỡng phần trăm giảm dần cho nhóm A, B, C, ví dụ: --groups 90,80,70',
    en: '--groups takes three decreasing percentages for groups A, B and C, e.g. --groups 90,80,70',
  },
  badYear: {
    vi: '--year cần năm đánh giá gồm 4 chữ số, từ {min} đến {max} (ví dụ: --year 2023); nhận được "{value}".',
    en: '--year takes the assessment year as 4 digits, {min} to {max} (e.g. --year 2023); got "{value}".',
  },
  // What the user named cannot be used (exit code 2).
  profileUnreadable: { vi: 'Không đọc được tệp bộ tiêu chí "{file}": {reason}', en: 'Cannot read profile file "{file}": {reason}' },
  profileInvalid: { vi: 'Tệp bộ tiêu chí "{file}" không hợp lệ: {problems}', en: 'Profile file "{file}" is invalid: {problems}' },
  noScoringTable: {
    vi: 'Không tìm thấy bảng chấm điểm nào trong "{file}": cần dòng tiêu đề có các cột Tiêu chí, Điểm tối đa, Điểm tự đánh giá trong 30 dòng đầu của một trang tính.',
    en: 'No scoring table found in "{file}": a header row with Criterion, Maximum and Self-score columns is needed within the first 30 rows of a sheet.',
  },
  jsonPosition: { vi: ' (dòng {line}, cột {col})', en: ' (line {line}, column {col})' },
  noSuchFile: { vi: 'không có tệp này', en: 'no such file' },
  isAFolder: { vi: 'đây là một thư mục', en: 'it is a folder' },
  reportNotDocx: { vi: 'Tệp báo cáo phải có đuôi .docx: {path}', en: 'The report file must end in .docx: {path}' },
  // Progress (stderr) and what was written (stdout).
  reading: { vi: 'Đang đọc {name}', en: 'Reading {name}' },
  scoring: { vi: 'Đang chấm điểm', en: 'Scoring' },
  writing: { vi: 'Đang ghi {name}', en: 'Writing {name}' },
  reportWritten: { vi: 'Đã ghi báo cáo: {path}', en: 'Report written: {path}' },
  annotatedWritten: {
    vi: 'Đã ghi bản có chú thích: {path} ({formulas} ô công thức, {highlights} ô tô màu, trang "{sheet}")',
    en: 'Annotated copy written: {path} ({formulas} formula cells, {highlights} highlighted cells, sheet "{sheet}")',
  },
  sampleWritten: { vi: 'Đã ghi tệp mẫu: {path}', en: 'Sample written: {path}' },
  // Consolidation (`cchc consolidate`) and the annotated copy (`cchc score --out`).
  cliNoInput: {
    vi: 'Hãy chỉ ra các tệp .xlsx hoặc thư mục cần tổng hợp, ví dụ: cchc consolidate thu-muc/ --out TONG-HOP.xlsx',
    en: 'Name the .xlsx files or the folder to consolidate, e.g. cchc consolidate folder/ --out SUMMARY.xlsx',
  },
  cliNoFiles: { vi: 'Không tìm thấy tệp .xlsx nào trong {where}.', en: 'No .xlsx file found in {where}.' },
  cliNotFound: { vi: 'Không tìm thấy tệp hoặc thư mục "{path}".', en: 'File or folder "{path}" not found.' },
  cliOutXlsx: { vi: 'Tệp ra phải có đuôi .xlsx: {path}', en: 'The output file must end in .xlsx: {path}' },
  cliOutXlsxOrXlsm: { vi: 'Tệp ra phải có đuôi .xlsx (hoặc .xlsm để giữ macro của tệp gốc): {path}', en: "The output file must end in .xlsx (or .xlsm to keep the original's macros): {path}" },
  cliOutXlsmNoMacros: { vi: 'Tệp gốc không có macro: bản sao phải có đuôi .xlsx, không phải .xlsm: {path}', en: 'The original has no macros: the copy must end in .xlsx, not .xlsm: {path}' },
  cliMacrosDropped: {
    vi: 'Tệp gốc có macro (VBA); bản .xlsx không giữ được macro nên đã bỏ ra. Muốn giữ macro, hãy ghi ra tệp .xlsm.',
    en: 'The original has macros (VBA); an .xlsx cannot hold them, so they were left out. To keep them, write an .xlsm.',
  },
  cliOutIsInput: { vi: 'Không ghi đè tệp đầu vào "{path}": hãy chọn tên khác cho --out.', en: 'Refusing to overwrite the input file "{path}": choose another --out name.' },
  cliOutExists: {
    vi: 'Tệp "{path}" đã có và không phải bảng tổng hợp do công cụ ghi; hãy chọn tên khác để không ghi đè.',
    en: '"{path}" already exists and is not a consolidation the tool wrote; choose another name so nothing is overwritten.',
  },
  cliAllFailed: { vi: 'Không tổng hợp được tệp nào ({count} tệp đều lỗi).', en: 'No file could be consolidated (all {count} failed).' },
  cliWritten: { vi: 'Đã ghi bảng tổng hợp: {path} ({communes} xã, {failed} tệp lỗi)', en: 'Consolidation written: {path} ({communes} communes, {failed} failed files)' },
  cliCannotWrite: { vi: 'Không ghi được tệp "{path}": {reason}', en: 'Cannot write "{path}": {reason}' },
  cliFailedHeading: { vi: 'Tệp không tổng hợp được:', en: 'Files not consolidated:' },
};

export type CliTextKey = keyof typeof CLI_TEXT;

function fill(template: string, params: { [name: string]: string | number } | undefined): string {
  if (!params) return template;
  return fillTemplate(template, function (name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : undefined;
  });
}

export function cliText(key: CliTextKey, lang: Lang, params?: { [name: string]: string | number }): string {
  return fill(CLI_TEXT[key][lang], params);
}

/** The words of `cchc score`'s table: one per appendix, then the flags (src/cli/printSummary.ts). */
export const SUMMARY_WORDS = {
  vi: {
    code: 'Mã',
    field: 'Lĩnh vực',
    max: 'Tối đa',
    self: 'Tự ĐG',
    pct: 'Tỷ lệ',
    appraised: 'Thẩm định',
    subtotal: 'Cộng',
    total: 'TỔNG CỘNG (các phụ lục)',
    flags: 'Vấn đề',
    none: 'Không có vấn đề nào.',
    counts: '{e} lỗi, {w} cảnh báo, {i} lưu ý',
    skipped: 'Bỏ qua trang tính "{s}": không phải bảng chấm điểm.',
    survey: '(ĐTXHH, không tự chấm)',
    profile: 'Đối chiếu với {p}',
  },
  en: {
    code: 'Code',
    field: 'Field',
    max: 'Max',
    self: 'Self',
    pct: '%',
    appraised: 'Appraised',
    subtotal: 'Subtotal',
    total: 'TOTAL (all appendices)',
    flags: 'Issues',
    none: 'No issues.',
    counts: '{e} errors, {w} warnings, {i} notes',
    skipped: 'Skipped sheet "{s}": not a scoring table.',
    survey: '(survey, not self-scored)',
    profile: 'Cross-checked against {p}',
  },
};

/** `cchc --help`, in Vietnamese and in English. */
export const HELP_VI = `cchc — chấm điểm Chỉ số cải cách hành chính cấp xã từ các Phụ lục Excel

Cách dùng:
  cchc score TỆP.xlsx [--out RA.xlsx] [--json] [--strict] [--explain] [--lang vi|en] [--year NĂM]
                      [--profile auto|none|MÃ|TỆP.json] [--column VAI-TRÒ=CỘT] [--columns CỘT.json]
      In bảng điểm từng lĩnh vực và các vấn đề. --out ghi một bản sao có công thức tổng,
      trang "Tổng hợp điểm" và tô màu ô có vấn đề (tệp gốc không bao giờ bị sửa).
      --json in kết quả dạng JSON. --strict trả mã thoát 1 khi có lỗi.
      --explain: cách đọc từng bảng (dòng tiêu đề, cột của từng vai trò và lý do, các cột có thể
      thay thế, cột ẩn, từng dòng được đọc là tiêu chí, mức điểm, dòng tổng…); với --json thêm
      sheets[].reading.
      --year NĂM (cả với report): năm đánh giá để kiểm tra ngày của tài liệu kiểm chứng; mặc định lấy từ
      dòng tiêu đề ("… năm 2023"). Kế hoạch ban hành trong quý IV năm trước vẫn được tính.
  cchc report TỆP.xlsx [--docx BÁO-CÁO.docx]
      In đoạn báo cáo mục II (kết quả tự đánh giá) và danh sách cần giải trình. --docx ghi báo cáo
      tự đánh giá dạng Word (bố cục như báo cáo của xã, điền sẵn số liệu, các mục cần tự viết để
      trong [ngoặc vuông], kèm danh sách tiêu chí cần giải trình).
  cchc sample [RA.xlsx]       Ghi tệp mẫu Phụ lục 1, 2 của xã Thanh Xá năm 2023 (tiêu chí thành phần minh họa).
  cchc consolidate THƯ-MỤC|TỆP.xlsx... [--out TONG-HOP.xlsx] [--json] [--groups 90,80,70] [--year NĂM]
      Tổng hợp nhiều xã: mỗi xã một dòng (điểm từng lĩnh vực, tổng, tỷ lệ, xếp hạng, nhóm, số vấn đề),
      kèm danh sách mọi vấn đề. Thư mục: mọi tệp .xlsx trong đó. Tệp lỗi được liệt kê, không dừng cả lô.
      --groups: ngưỡng % của nhóm A, B, C (mặc định 90,80,70). --out ghi bảng tổng hợp ra tệp mới.
  Dùng --sample thay cho TỆP.xlsx để chạy trên tệp mẫu.
  --force (-f): cho phép ghi đè tệp ra đã có (--out, --docx, tệp mẫu). Không có --force, tệp đã có
      không bao giờ bị thay (consolidate vẫn thay bảng tổng hợp do chính nó ghi trước đó); tệp gốc
      không bao giờ bị ghi đè, kể cả qua liên kết. Tệp ra được ghi trọn vẹn hoặc không ghi gì.

Chọn cột và bộ tiêu chí (score, report, consolidate):
  --column VAI-TRÒ=CỘT       Chọn cột cho một vai trò thay cho cách công cụ tự nhận; lặp lại được, hoặc
                             nhiều cặp cách nhau dấu phẩy: --column self=E,max=D. CỘT là chữ cột (A…XFD)
                             hoặc số thứ tự cột từ 1 (E là 5); none: bảng không có cột này.
                             Chỉ cho một trang tính: --column "Phụ lục 1!self=E".
                             VAI-TRÒ: code/ma, name/noi-dung, max/toi-da, self/tu-danh-gia (tu-cham),
                             appraised/tham-dinh, evidence/kiem-chung (minh-chung), guidance/huong-dan,
                             note/ghi-chu, percent/ty-le, appraisedPercent/ty-le-tham-dinh.
  --columns CỘT.json         Như --column, từ tệp JSON theo trang tính ("*": mọi trang), ví dụ
                             {"Phụ lục 1": {"self": "E", "max": "D"}, "*": {"evidence": "G"}};
                             cột là chữ ("E") hoặc số từ 1 (5). --column ghi đè tệp.
  --profile auto|none|MÃ|TỆP.json
                             auto (mặc định): đối chiếu bộ tiêu chí có sẵn khi bảng khớp; none: không đối
                             chiếu; hai-duong-3395-xa: buộc dùng bộ tiêu chí QĐ 3395 Hải Dương.

Mã thoát: 0 thành công; 1 có lỗi (với --strict); 2 dữ liệu vào không dùng được hoặc không ghi được tệp ra.`;

export const HELP_EN = `cchc — score a Vietnamese commune's Administrative Reform Index from its Excel appendices

Usage:
  cchc score FILE.xlsx [--out OUT.xlsx] [--json] [--strict] [--explain] [--lang vi|en] [--year YYYY]
                       [--profile auto|none|ID|FILE.json] [--column ROLE=COLUMN] [--columns COLUMNS.json]
      --explain: how each table was read (header rows, the column of each role and why, the
      alternatives, hidden columns, what each row was read as); with --json adds sheets[].reading.
      --year (also for report): the assessment year evidence dates are checked against; default: from the
      title rows ("… năm 2023"). A plan issued in the fourth quarter of the year before still counts.
  cchc report FILE.xlsx [--docx REPORT.docx]   (--docx: the self-assessment report as a Word document)
  cchc sample [OUT.xlsx]
  cchc consolidate FOLDER|FILE.xlsx... [--out SUMMARY.xlsx] [--json] [--groups 90,80,70] [--year YYYY]
      One row per commune (field scores, totals, %, rank, group, issue counts) and every issue;
      unreadable files are listed without stopping the batch. --groups: A, B, C thresholds in %.
  --sample instead of FILE.xlsx runs on the embedded sample workbook.
  --force (-f): an existing output file (--out, --docx, the sample) may be replaced. Without it an
      existing file is never replaced (consolidate still replaces its own earlier consolidation); the
      input is never overwritten, not even through a link. Outputs are written whole or not at all.

Columns and profile (score, report, consolidate):
  --column ROLE=COLUMN       Set the column of a role instead of the tool's own reading; repeatable, or
                             several pairs with commas: --column self=E,max=D. COLUMN is a letter (A…XFD)
                             or a 1-based number (E is 5); none: the table has no such column.
                             One sheet only: --column "Phụ lục 1!self=E".
                             ROLE: code, name, max, self, appraised, evidence, guidance, note, percent,
                             appraisedPercent (or the Vietnamese ma, noi-dung, toi-da, tu-danh-gia, …).
  --columns COLUMNS.json     The same from a JSON file by sheet ("*": every sheet), e.g.
                             {"Phụ lục 1": {"self": "E", "max": "D"}, "*": {"evidence": "G"}};
                             columns as letters ("E") or 1-based numbers (5). --column wins over the file.
  --profile auto|none|ID|FILE.json
                             auto (default): cross-check with a built-in profile the table matches;
                             none: no cross-check; hai-duong-3395-xa: force Hải Dương's Decision 3395.
Exit codes: 0 success; 1 error flags with --strict; 2 unusable input, or the output cannot be written.`;
