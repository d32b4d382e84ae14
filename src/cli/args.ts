import { ColumnChoices } from '../core/recognise/reading';
import { explainTextBoth } from '../core/messages/explainText';
import { addColumnSpec } from './columns';
import { UsageError } from './usageError';

/** Command-line arguments of `cchc`, parsed without a library: the grammar is small. */

export type Command = 'score' | 'report' | 'sample' | 'consolidate' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  file: string | null;
  sample: boolean;
  out: string | null;
  /** `report --docx OUT.docx`: write the self-assessment report as a Word document. */
  docx: string | null;
  json: boolean;
  strict: boolean;
  lang: 'vi' | 'en';
  profile: string;
  /** `consolidate`: the files and folders named, in order. */
  inputs?: string[];
  /** `consolidate --groups 90,80,70`: group thresholds in percent (A, B, C). */
  groups?: { a: number; b: number; c: number };
  /** `--year 2023`: the assessment year evidence dates are checked against; absent: read from the title rows. */
  year?: number;
  /** `--column [SHEET!]ROLE=COL[,…]` (repeatable): the user's columns, by sheet ("*": every sheet). */
  columns?: ColumnChoices;
  /** `--columns FILE.json`: the same mapping from a file (read by the command; --column wins over it). */
  columnsFile?: string;
  /** `score --explain`: how each table was read (header rows, columns and why, rows). */
  explain: boolean;
  /** `--force`: an existing output file (never the input) may be replaced. */
  force: boolean;
}

export { UsageError };

const COMMANDS: { [name: string]: Command } = { score: 'score', report: 'report', sample: 'sample', consolidate: 'consolidate', help: 'help', version: 'version' };

/** "90,80,70" (or "90;80;70", "92.5,80,70") → A, B, C thresholds, each below the one before. */
function parseGroups(value: string): { a: number; b: number; c: number } {
  const parts = value.split(/[;,\s]+/).filter((p) => p !== '');
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? parseFloat(p) : NaN));
  if (numbers.length !== 3 || numbers.some((n) => !(n >= 0 && n <= 100)) || !(numbers[0] > numbers[1] && numbers[1] > numbers[2])) {
    throw new UsageError(
      '--groups cần ba ngưỡng phần trăm giảm dần cho nhóm A, B, C, ví dụ: --groups 90,80,70',
      '--groups takes three decreasing percentages for groups A, B and C, e.g. --groups 90,80,70',
    );
  }
  return { a: numbers[0], b: numbers[1], c: numbers[2] };
}

/** Years --year accepts: four digits, 2000..2100. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function parseYear(value: string): number {
  const year = /^\d{4}$/.test(value) ? parseInt(value, 10) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new UsageError(
      '--year cần năm đánh giá gồm 4 chữ số, từ ' + MIN_YEAR + ' đến ' + MAX_YEAR + ' (ví dụ: --year 2023); nhận được "' + value + '".',
      '--year takes the assessment year as 4 digits, ' + MIN_YEAR + ' to ' + MAX_YEAR + ' (e.g. --year 2023); got "' + value + '".',
    );
  }
  return year;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', file: null, sample: false, out: null, docx: null, json: false, strict: false, lang: 'vi', profile: 'auto', explain: false, force: false };
  const positional: string[] = [];
  let wantsHelp = false;
  let wantsVersion = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const takeValue = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.substring(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError('Thiếu giá trị cho ' + name + '.', 'Missing value for ' + name + '.');
      return next;
    };
    if (a === '--help' || a === '-h') wantsHelp = true;
    else if (a === '--version' || a === '-v') wantsVersion = true;
    else if (a === '--json') args.json = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--sample') args.sample = true;
    else if (a === '--explain') args.explain = true;
    else if (a === '--force' || a === '-f') args.force = true;
    else if (a === '--column' || a.indexOf('--column=') === 0) args.columns = addColumnSpec(args.columns || {}, takeValue('--column'));
    else if (a === '--columns' || a.indexOf('--columns=') === 0) args.columnsFile = takeValue('--columns');
    else if (a === '--out' || a.indexOf('--out=') === 0 || a === '-o') args.out = takeValue('--out');
    else if (a === '--profile' || a.indexOf('--profile=') === 0) args.profile = takeValue('--profile');
    else if (a === '--groups' || a.indexOf('--groups=') === 0) args.groups = parseGroups(takeValue('--groups'));
    else if (a === '--docx' || a.indexOf('--docx=') === 0) args.docx = takeValue('--docx');
    else if (a === '--year' || a.indexOf('--year=') === 0) args.year = parseYear(takeValue('--year'));
    else if (a === '--lang' || a.indexOf('--lang=') === 0) {
      const lang = takeValue('--lang');
      if (lang !== 'vi' && lang !== 'en') throw new UsageError('--lang chỉ nhận vi hoặc en.', '--lang takes vi or en.');
      args.lang = lang;
    } else if (a.charAt(0) === '-' && a !== '-') throw new UsageError('Tùy chọn không hợp lệ: ' + a, 'Unknown option: ' + a);
    else positional.push(a);
  }
  if (wantsVersion) return { ...args, command: 'version' };
  if (wantsHelp || positional.length === 0) return args;
  const command = COMMANDS[positional[0]];
  if (!command)
    throw new UsageError(
      'Lệnh không hợp lệ: ' + positional[0] + ' (dùng score, report, sample hoặc consolidate).',
      'Unknown command: ' + positional[0] + ' (use score, report, sample or consolidate).',
    );
  args.command = command;
  // consolidate takes any number of files and folders; that some were named is checked by the command (exit 2).
  if (command === 'consolidate') args.inputs = positional.slice(1);
  else if (positional.length > 2) throw new UsageError('Thừa tham số: ' + positional.slice(2).join(' '), 'Too many arguments: ' + positional.slice(2).join(' '));
  args.file = command === 'consolidate' ? null : positional[1] || null;
  if (args.command === 'sample') {
    if (args.file && !args.out) args.out = args.file;
    args.file = null;
  } else if ((args.command === 'score' || args.command === 'report') && !args.file && !args.sample) {
    throw new UsageError(
      'Hãy chỉ ra tệp .xlsx cần chấm, ví dụ: cchc ' + args.command + ' phu-luc.xlsx (hoặc --sample).',
      'Name the .xlsx file to score, e.g. cchc ' + args.command + ' appendix.xlsx (or --sample).',
    );
  }
  if (args.explain && args.command !== 'score') {
    const t = explainTextBoth('explainOnlyScore');
    throw new UsageError(t.vi, t.en);
  }
  if (args.command === 'sample' && (args.columns || args.columnsFile !== undefined)) {
    const t = explainTextBoth('columnsNotForSample', { option: args.columns ? '--column' : '--columns' });
    throw new UsageError(t.vi, t.en);
  }
  if (args.docx !== null && args.command !== 'report') {
    throw new UsageError(
      '--docx chỉ dùng với lệnh report, ví dụ: cchc report phu-luc.xlsx --docx bao-cao.docx',
      '--docx goes with the report command, e.g. cchc report appendix.xlsx --docx report.docx',
    );
  }
  return args;
}

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
