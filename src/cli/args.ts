/** Command-line arguments of `cchc`, parsed without a library: the grammar is small. */

export type Command = 'score' | 'report' | 'sample' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  file: string | null;
  sample: boolean;
  out: string | null;
  json: boolean;
  strict: boolean;
  lang: 'vi' | 'en';
  profile: string;
}

export class UsageError extends Error {
  messageEn: string;
  constructor(vi: string, en: string) {
    super(vi);
    this.messageEn = en;
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}

const COMMANDS: { [name: string]: Command } = { score: 'score', report: 'report', sample: 'sample', help: 'help', version: 'version' };

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', file: null, sample: false, out: null, json: false, strict: false, lang: 'vi', profile: 'auto' };
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
    else if (a === '--out' || a.indexOf('--out=') === 0 || a === '-o') args.out = takeValue('--out');
    else if (a === '--profile' || a.indexOf('--profile=') === 0) args.profile = takeValue('--profile');
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
  if (!command) throw new UsageError('Lệnh không hợp lệ: ' + positional[0] + ' (dùng score, report hoặc sample).', 'Unknown command: ' + positional[0] + ' (use score, report or sample).');
  args.command = command;
  if (positional.length > 2) throw new UsageError('Thừa tham số: ' + positional.slice(2).join(' '), 'Too many arguments: ' + positional.slice(2).join(' '));
  args.file = positional[1] || null;
  if (args.command === 'sample') {
    if (args.file && !args.out) args.out = args.file;
    args.file = null;
  } else if ((args.command === 'score' || args.command === 'report') && !args.file && !args.sample) {
    throw new UsageError('Hãy chỉ ra tệp .xlsx cần chấm, ví dụ: cchc ' + args.command + ' phu-luc.xlsx (hoặc --sample).', 'Name the .xlsx file to score, e.g. cchc ' + args.command + ' appendix.xlsx (or --sample).');
  }
  return args;
}

export const HELP_VI = `cchc — chấm điểm Chỉ số cải cách hành chính cấp xã từ các Phụ lục Excel

Cách dùng:
  cchc score TỆP.xlsx [--out RA.xlsx] [--json] [--strict] [--lang vi|en] [--profile auto|none|MÃ|TỆP.json]
      In bảng điểm từng lĩnh vực và các vấn đề. --out ghi một bản sao có công thức tổng,
      trang "Tổng hợp điểm" và tô màu ô có vấn đề (tệp gốc không bao giờ bị sửa).
      --json in kết quả dạng JSON. --strict trả mã thoát 1 khi có lỗi.
  cchc report TỆP.xlsx        In đoạn báo cáo mục II (kết quả tự đánh giá) và danh sách cần giải trình.
  cchc sample [RA.xlsx]       Ghi tệp mẫu Phụ lục 1, 2 của xã Thanh Xá năm 2023 (tiêu chí thành phần minh họa).
  Dùng --sample thay cho TỆP.xlsx để chạy trên tệp mẫu.

Mã thoát: 0 thành công; 1 có lỗi (với --strict); 2 dữ liệu vào không dùng được.`;

export const HELP_EN = `cchc — score a Vietnamese commune's Administrative Reform Index from its Excel appendices

Usage:
  cchc score FILE.xlsx [--out OUT.xlsx] [--json] [--strict] [--lang vi|en] [--profile auto|none|ID|FILE.json]
  cchc report FILE.xlsx
  cchc sample [OUT.xlsx]
  --sample instead of FILE.xlsx runs on the embedded sample workbook.
Exit codes: 0 success; 1 error flags with --strict; 2 unusable input.`;
