import * as fs from 'fs';
import * as path from 'path';
import { analyseWorkbook, WorkbookAnalysis } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { explainTextBoth } from '../core/messages/explainText';
import { BUILTIN_PROFILES, Profile, findBuiltinProfile, validateProfile } from '../core/profile/profile';
import { ColumnChoices } from '../core/recognise/reading';
import { reportText } from '../core/report/reportText';
import { buildSelfAssessmentReport } from '../core/report/selfAssessmentReport';
import { toJsonResult } from '../core/report/jsonResult';
import { applyPlanToWorkbook, writeWorkbookFile } from '../xlsx/applyPlan';
import { sampleWorkbookBytes } from '../xlsx/gridToWorkbook';
import { readGridFromXlsxBytes, readGridFromXlsxFile } from '../xlsx/fastGrid';
import { LoadedWorkbook, readWorkbookBytes, readWorkbookFile } from '../xlsx/readWorkbook';
import { WorkbookInputError } from '../xlsx/workbookInputError';
import { CliArgs, HELP_EN, HELP_VI, parseArgs, UsageError } from './args';
import { mergeChoices, readColumnsFile, resolveSheetNames } from './columns';
import { ConsolidateInputProblem, runConsolidate } from './consolidate';
import { formatExplanation } from './explain';
import { formatSummary } from './printSummary';
import { startStep } from './progress';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export const SAMPLE_FILE_NAME = 'mau-phu-luc-cchc-thanh-xa-2023.xlsx';

/** A problem with what the user gave us: one clear line, exit code 2, never a stack trace. */
class InputProblem extends Error {
  messageEn: string;
  constructor(vi: string, en: string) {
    super(vi);
    this.messageEn = en;
    Object.setPrototypeOf(this, InputProblem.prototype);
  }
}

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return pkg.version;
}

/**
 * The workbook as the command needs it: only `score --out` writes a copy and so needs the ExcelJS
 * workbook; `score` without --out and `report` read the grid alone with the fast reader
 * (same grid, a fraction of the time: see src/xlsx/fastGrid.ts).
 */
async function loadInput(args: CliArgs, io: CliIo): Promise<{ grid: WorkbookGrid; workbook?: LoadedWorkbook['workbook'] }> {
  const label = args.lang === 'vi' ? 'Đang đọc ' : 'Reading ';
  const needsWorkbook = args.command === 'score' && !!args.out;
  if (args.sample) {
    const done = startStep(io.stderr, label + SAMPLE_FILE_NAME);
    try {
      const bytes = await sampleWorkbookBytes();
      return needsWorkbook ? await readWorkbookBytes(bytes, SAMPLE_FILE_NAME) : { grid: await readGridFromXlsxBytes(bytes, SAMPLE_FILE_NAME) };
    } finally {
      done();
    }
  }
  const file = args.file as string;
  const done = startStep(io.stderr, label + path.basename(file));
  try {
    return needsWorkbook ? await readWorkbookFile(file) : { grid: await readGridFromXlsxFile(file) };
  } finally {
    done();
  }
}

/**
 * `--profile`: auto (a built-in profile where a table matches it), none (no profile at all), the id
 * of a built-in profile (that one only), or a profile's .json file.
 */
export function loadProfile(option: string): Profile | null | 'auto' {
  const id = option.replace(/^\s+|\s+$/g, '').toLowerCase();
  if (id === 'auto') return 'auto';
  if (id === 'none') return null;
  const builtin = findBuiltinProfile(id);
  if (builtin) return builtin;
  if (!/\.json$/i.test(option)) {
    const known = BUILTIN_PROFILES.map((p) => p.id).join(', ');
    const t = explainTextBoth('unknownProfile', { id: option, known: known });
    throw new InputProblem(t.vi, t.en);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(option, 'utf8'));
  } catch (error) {
    throw new InputProblem('Không đọc được tệp bộ tiêu chí "' + option + '": ' + (error as Error).message, 'Cannot read profile file "' + option + '": ' + (error as Error).message);
  }
  const problems = validateProfile(parsed);
  if (problems.length) throw new InputProblem('Tệp bộ tiêu chí "' + option + '" không hợp lệ: ' + problems.join('; '), 'Profile file "' + option + '" is invalid: ' + problems.join('; '));
  return parsed as Profile;
}

/** What the user set before any file is read: a wrong profile or columns file fails at once. */
interface Choices {
  profile: Profile | null | 'auto';
  /** From --columns FILE.json, then from --column (which wins). */
  fileColumns?: ColumnChoices;
  argColumns?: ColumnChoices;
}

function loadChoices(args: CliArgs): Choices {
  return {
    profile: loadProfile(args.profile),
    fileColumns: args.columnsFile !== undefined ? readColumnsFile(args.columnsFile) : undefined,
    argColumns: args.columns,
  };
}

/** The user's columns with each sheet name as the workbook spells it; a sheet it lacks is an error. */
function columnsFor(grid: WorkbookGrid, choices: Choices, args: CliArgs, fileLabel: string): ColumnChoices | undefined {
  const names = grid.sheets.map((s) => s.name);
  const fromFile = choices.fileColumns ? resolveSheetNames(choices.fileColumns, names, fileLabel, '--columns ' + args.columnsFile) : undefined;
  const fromArgs = choices.argColumns ? resolveSheetNames(choices.argColumns, names, fileLabel, '--column') : undefined;
  return mergeChoices(fromFile, fromArgs);
}

function analyse(loaded: { grid: WorkbookGrid }, args: CliArgs, choices: Choices, fileLabel: string, io: CliIo): WorkbookAnalysis {
  const columns = columnsFor(loaded.grid, choices, args, fileLabel);
  const done = startStep(io.stderr, args.lang === 'vi' ? 'Đang chấm điểm' : 'Scoring');
  const analysis = analyseWorkbook(loaded.grid, { profile: choices.profile, columns: columns, lang: args.lang, assessmentYear: args.year });
  done();
  if (analysis.sheets.length === 0) {
    throw new InputProblem(
      'Không tìm thấy bảng chấm điểm nào trong "' + fileLabel + '": cần dòng tiêu đề có các cột Tiêu chí, Điểm tối đa, Điểm tự đánh giá trong 30 dòng đầu của một trang tính.',
      'No scoring table found in "' + fileLabel + '": a header row with Criterion, Maximum and Self-score columns is needed within the first 30 rows of a sheet.',
    );
  }
  return analysis;
}

async function writeAnnotatedCopy(loaded: { workbook?: LoadedWorkbook['workbook'] }, analysis: WorkbookAnalysis, args: CliArgs, io: CliIo): Promise<void> {
  const out = path.resolve(args.out as string);
  if (!args.sample && out === path.resolve(args.file as string)) {
    throw new InputProblem('Không ghi đè tệp gốc: hãy chọn tên khác cho --out.', 'Refusing to overwrite the input file: choose another --out name.');
  }
  if (!/\.xlsx$/i.test(out)) throw new InputProblem('Tệp ra phải có đuôi .xlsx: ' + args.out, 'The output file must end in .xlsx: ' + args.out);
  const done = startStep(io.stderr, args.lang === 'vi' ? 'Đang ghi ' + path.basename(out) : 'Writing ' + path.basename(out));
  try {
    const workbook = loaded.workbook;
    if (!workbook) throw new Error('workbook not loaded');
    applyPlanToWorkbook(workbook, analysis.plan);
    await writeWorkbookFile(workbook, out);
  } catch (error) {
    if (error instanceof InputProblem) throw error;
    throw new InputProblem('Không ghi được tệp "' + args.out + '": ' + (error as Error).message, 'Cannot write "' + args.out + '": ' + (error as Error).message);
  } finally {
    done();
  }
}

/** Checked before reading the input, so a wrong name fails at once. */
function checkDocxPath(args: CliArgs): void {
  const out = path.resolve(args.docx as string);
  if (!args.sample && args.file && out === path.resolve(args.file)) {
    throw new InputProblem('Không ghi đè tệp gốc: hãy chọn tên khác cho --docx.', 'Refusing to overwrite the input file: choose another --docx name.');
  }
  if (!/\.docx$/i.test(out)) throw new InputProblem('Tệp báo cáo phải có đuôi .docx: ' + args.docx, 'The report file must end in .docx: ' + args.docx);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new InputProblem('"' + args.docx + '" là một thư mục, không phải tệp .docx.', '"' + args.docx + '" is a folder, not a .docx file.');
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new InputProblem('Không có thư mục "' + dir + '" để ghi báo cáo.', 'The folder "' + dir + '" does not exist.');
}

/** `report --docx`: the self-assessment report as a Word document; docx is loaded only for this. */
async function writeReportDocx(analysis: WorkbookAnalysis, args: CliArgs, io: CliIo): Promise<void> {
  const out = path.resolve(args.docx as string);
  const done = startStep(io.stderr, args.lang === 'vi' ? 'Đang ghi ' + path.basename(out) : 'Writing ' + path.basename(out));
  try {
    const { reportDocxBytes } = await import('../docx/selfAssessmentDocx');
    fs.writeFileSync(out, await reportDocxBytes(buildSelfAssessmentReport(analysis, args.lang, { year: args.year })));
  } catch (error) {
    throw new InputProblem('Không ghi được tệp "' + args.docx + '": ' + (error as Error).message, 'Cannot write "' + args.docx + '": ' + (error as Error).message);
  } finally {
    done();
  }
  io.stdout((args.lang === 'vi' ? 'Đã ghi báo cáo: ' : 'Report written: ') + args.docx + '\n');
}

async function run(args: CliArgs, io: CliIo): Promise<number> {
  if (args.command === 'help') {
    io.stdout((args.lang === 'en' ? HELP_EN : HELP_VI) + '\n');
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(version() + '\n');
    return 0;
  }
  if (args.command === 'consolidate') {
    const choices = loadChoices(args);
    return runConsolidate(args, io, choices.profile, mergeChoices(choices.fileColumns, choices.argColumns));
  }
  if (args.command === 'sample') {
    const out = path.resolve(args.out || SAMPLE_FILE_NAME);
    if (fs.existsSync(out)) throw new InputProblem('Tệp "' + out + '" đã có; chọn tên khác để không ghi đè.', '"' + out + '" already exists; choose another name so nothing is overwritten.');
    fs.writeFileSync(out, await sampleWorkbookBytes());
    io.stdout((args.lang === 'vi' ? 'Đã ghi tệp mẫu: ' : 'Sample written: ') + out + '\n');
    return 0;
  }
  if (args.docx) checkDocxPath(args);
  const choices = loadChoices(args);
  const loaded = await loadInput(args, io);
  const fileLabel = args.sample ? SAMPLE_FILE_NAME : path.basename(args.file as string);
  loaded.grid.fileName = fileLabel;
  const analysis = analyse(loaded, args, choices, fileLabel, io);
  if (args.command === 'report') {
    if (args.docx) {
      await writeReportDocx(analysis, args, io);
      return 0;
    }
    io.stdout(reportText(analysis, args.lang) + '\n');
    return 0;
  }
  if (args.out) await writeAnnotatedCopy(loaded, analysis, args, io);
  if (args.json) {
    io.stdout(JSON.stringify(toJsonResult(analysis, args.lang, { explain: args.explain }), null, 2) + '\n');
  } else {
    if (args.explain) io.stdout(formatExplanation(analysis, args.lang) + '\n');
    io.stdout(formatSummary(analysis, args.lang) + '\n');
    if (args.out) {
      const n = analysis.plan.writes.length;
      io.stdout('\n' + (args.lang === 'vi' ? 'Đã ghi bản có chú thích: ' + args.out + ' (' + n + ' ô công thức, ' + analysis.plan.highlights.length + ' ô tô màu, trang "' + analysis.plan.summary.name + '")' : 'Annotated copy written: ' + args.out + ' (' + n + ' formula cells, ' + analysis.plan.highlights.length + ' highlighted cells, sheet "' + analysis.plan.summary.name + '")') + '\n');
    }
  }
  const hasError = analysis.flags.some((f) => f.severity === 'error');
  return args.strict && hasError ? 1 : 0;
}

/**
 * Output piped into a reader that stops early (`cchc score … --explain | head`) closes the pipe:
 * that is the reader's choice, not an error, so the command ends quietly instead of with a stack trace.
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Entry point of `cchc`; returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (io === defaultIo) quietOnClosedPipe();
  let lang: 'vi' | 'en' = argv.indexOf('en') > 0 && argv[argv.indexOf('en') - 1] === '--lang' ? 'en' : argv.indexOf('--lang=en') >= 0 ? 'en' : 'vi';
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputProblem || error instanceof ConsolidateInputProblem) {
      const problem: UsageError | InputProblem | ConsolidateInputProblem = error;
      io.stderr('cchc: ' + (lang === 'en' ? problem.messageEn : problem.message) + '\n');
      return 2;
    }
    if (error instanceof WorkbookInputError) {
      io.stderr('cchc: ' + (lang === 'en' ? error.messageEn : error.messageVi) + '\n');
      return 2;
    }
    throw error;
  }
}
