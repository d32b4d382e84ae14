import * as fs from 'fs';
import * as path from 'path';
import { analyseWorkbook, WorkbookAnalysis } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { planWorkbook, WritePlan } from '../core/plan';
import { BUILTIN_PROFILES, Profile, findBuiltinProfile, validateProfile } from '../core/profile';
import { ColumnChoices } from '../core/recognise';
import { buildSelfAssessmentReport, reportText, toJsonResult } from '../core/report';
import { CchcError, cchcError, errorText, isCchcError } from '../core/errors';
import { cliText, flagText } from '../core/messages';
import { sampleWorkbookBytes } from '../xlsx/gridToWorkbook';
import { patchWorkbook } from '../xlsx/patch/patchPackage';
import { sheetRulesInput } from '../xlsx/patch/rulesPart';
import { readGridFromXlsxBytes } from '../xlsx/read/readGrid';
import { readWorkbookFileBytes } from '../xlsx/node/workbookFile';
import { ZipLimits } from '../xlsx/zipGuard';
import { CliArgs, HELP_EN, HELP_VI, parseArgs } from './args';
import { mergeChoices, readColumnsFile, resolveSheetNames } from './columns';
import { runConsolidate } from './consolidate';
import { formatExplanation } from './explain';
import { formatSummary } from './printSummary';
import { checkOutputTarget, OutputTarget, writeCheckedOutput, writeFailure } from './outputTarget';
import { startStep } from './progress';
import { quietly } from '../xlsx/quietConsole';
import { fileProblemOf, isSystemError } from './systemErrors';
import { escapeControl } from './terminalText';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export const SAMPLE_FILE_NAME = 'mau-phu-luc-cchc-thanh-xa-2023.xlsx';

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return pkg.version;
}

/** The input as the command needs it: the grid, and for `score --out` the bytes the annotated copy patches. */
interface LoadedInput {
  grid: WorkbookGrid;
  bytes?: Uint8Array;
  /** The limits the bytes were checked against, so the copy is read under the same ones. */
  limits?: ZipLimits;
}

/**
 * The grid is read by the fast reader (src/xlsx/read); `score --out` also keeps the file's bytes, which
 * the annotated copy patches (src/xlsx/patch): the official's own package with only the tool's cells.
 */
async function loadInput(args: CliArgs, io: CliIo): Promise<LoadedInput> {
  const needsBytes = args.command === 'score' && !!args.out;
  if (args.sample) {
    const done = startStep(io.stderr, cliText('reading', args.lang, { name: SAMPLE_FILE_NAME }));
    try {
      const bytes = await quietly(() => sampleWorkbookBytes());
      const grid = await quietly(() => readGridFromXlsxBytes(bytes, SAMPLE_FILE_NAME));
      return needsBytes ? { grid, bytes } : { grid };
    } finally {
      done();
    }
  }
  const file = args.file as string;
  const done = startStep(io.stderr, cliText('reading', args.lang, { name: escapeControl(path.basename(file)) }));
  try {
    const { bytes, limits } = readWorkbookFileBytes(file);
    const grid = await quietly(() => readGridFromXlsxBytes(bytes, file, limits));
    return needsBytes ? { grid, bytes, limits } : { grid };
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
    throw cchcError('unknownProfile', { id: option, known: known });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(option, 'utf8'));
  } catch (error) {
    if (isSystemError(error)) throw fileProblemOf(error, 'read', option);
    throw cchcError('profileUnreadable', { file: option, reason: (error as Error).message });
  }
  const problems = validateProfile(parsed);
  if (problems.length) throw cchcError('profileInvalid', { file: option, problems: problems.join('; ') });
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
  const done = startStep(io.stderr, cliText('scoring', args.lang));
  const analysis = analyseWorkbook(loaded.grid, { profile: choices.profile, columns: columns, assessmentYear: args.year });
  done();
  if (analysis.sheets.length === 0) {
    throw cchcError('noScoringTable', { file: fileLabel });
  }
  return analysis;
}

/** The input files an output must never be: the one named (none with --sample). */
function inputsOf(args: CliArgs): string[] {
  return !args.sample && args.file ? [args.file] : [];
}

/** `score --out`: checked before reading the input, so a wrong name fails at once. */
async function checkOutPath(args: CliArgs): Promise<OutputTarget> {
  const out = args.out as string;
  if (!/\.xls[xm]$/i.test(out)) throw cliProblem('cliOutXlsxOrXlsm', out);
  return checkOutputTarget(out, { option: '--out', ext: out.slice(-5).toLowerCase(), inputs: inputsOf(args), force: args.force });
}

function cliProblem(key: 'cliOutXlsxOrXlsm' | 'cliOutXlsmNoMacros', file: string): CchcError {
  return cchcError(key, { path: escapeControl(file) });
}

/**
 * The annotated copy: the input's own package with only the tool's cells, styles and summary sheet
 * changed. An .xlsm copy keeps the macros byte for byte; an .xlsx copy cannot hold them, so they are
 * left out and the user is told (returns true then).
 */
async function writeAnnotatedCopy(
  loaded: LoadedInput,
  analysis: WorkbookAnalysis,
  plan: WritePlan,
  target: OutputTarget,
  args: CliArgs,
  io: CliIo,
): Promise<{ macrosDropped: boolean; notesSkipped: string[] }> {
  const name = escapeControl(path.basename(target.shown));
  const done = startStep(io.stderr, cliText('writing', args.lang, { name: name }));
  const keepMacros = /\.xlsm$/i.test(target.shown);
  try {
    const input = loaded.bytes;
    if (!input) throw new Error('input bytes not loaded');
    const fileName = args.sample ? SAMPLE_FILE_NAME : (args.file as string);
    const copy = await quietly(() => patchWorkbook(input, plan, { fileName, limits: loaded.limits, dropMacros: !keepMacros, rules: sheetRulesInput(analysis, args.lang) }));
    if (keepMacros && copy.extension !== 'xlsm') throw cliProblem('cliOutXlsmNoMacros', target.shown);
    await writeCheckedOutput(target, copy.bytes);
    return { macrosDropped: copy.macrosDropped, notesSkipped: copy.notesSkipped };
  } catch (error) {
    if (isCchcError(error) && error.code === 'cliOutXlsmNoMacros') throw error;
    throw writeFailure(target.shown, error);
  } finally {
    done();
  }
}

/** `report --docx`: checked before reading the input, so a wrong name fails at once. */
async function checkDocxPath(args: CliArgs): Promise<OutputTarget> {
  if (!/\.docx$/i.test(args.docx as string)) throw cchcError('reportNotDocx', { path: escapeControl(args.docx as string) });
  return checkOutputTarget(args.docx as string, { option: '--docx', ext: '.docx', inputs: inputsOf(args), force: args.force });
}

/**
 * `report --docx`: the self-assessment report as a Word document; docx is loaded only for this.
 * The whole document is made in memory first: the target is never truncated, and takes the new
 * bytes only once they are complete and on disk.
 */
async function writeReportDocx(analysis: WorkbookAnalysis, target: OutputTarget, args: CliArgs, io: CliIo): Promise<void> {
  const name = escapeControl(path.basename(target.shown));
  const done = startStep(io.stderr, cliText('writing', args.lang, { name: name }));
  try {
    const bytes = await quietly(async () => {
      const { reportDocxBytes } = await import('../docx/selfAssessmentDocx');
      return reportDocxBytes(buildSelfAssessmentReport(analysis, args.lang, { year: args.year }));
    });
    await writeCheckedOutput(target, bytes);
  } catch (error) {
    throw writeFailure(target.shown, error);
  } finally {
    done();
  }
  io.stdout(cliText('reportWritten', args.lang, { path: escapeControl(target.shown) }) + '\n');
}

/** `cchc sample [OUT.xlsx]`: the embedded sample, under the same rule as every output. */
async function writeSample(args: CliArgs, io: CliIo): Promise<number> {
  const shown = args.out || SAMPLE_FILE_NAME;
  if (!/\.xlsx$/i.test(shown)) throw cchcError('cliOutXlsx', { path: escapeControl(shown) });
  const target = await checkOutputTarget(shown, { option: 'cchc sample', ext: '.xlsx', inputs: [], force: args.force });
  await writeCheckedOutput(target, await quietly(() => sampleWorkbookBytes()));
  io.stdout(cliText('sampleWritten', args.lang, { path: escapeControl(path.resolve(shown)) }) + '\n');
  return 0;
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
  if (args.command === 'sample') return writeSample(args, io);
  const docxTarget = args.docx ? await checkDocxPath(args) : null;
  const outTarget = args.command === 'score' && args.out ? await checkOutPath(args) : null;
  const choices = loadChoices(args);
  const loaded = await loadInput(args, io);
  const fileLabel = args.sample ? SAMPLE_FILE_NAME : path.basename(args.file as string);
  loaded.grid.fileName = fileLabel;
  const analysis = analyse(loaded, args, choices, fileLabel, io);
  if (args.command === 'report') {
    if (docxTarget) {
      await writeReportDocx(analysis, docxTarget, args, io);
      return 0;
    }
    io.stdout(reportText(analysis, args.lang) + '\n');
    return 0;
  }
  // Only the annotated copy needs a plan; the JSON counts what it would write without making one.
  const plan = outTarget ? planWorkbook(analysis, loaded.grid, args.lang) : null;
  const written = outTarget && plan ? await writeAnnotatedCopy(loaded, analysis, plan, outTarget, args, io) : { macrosDropped: false, notesSkipped: [] };
  const macrosDropped = written.macrosDropped;
  // Sheets with notes of the user's own get the colours only: said beside the other notes on the copy.
  const notesSkipped = written.notesSkipped.length ? flagText('notesSkipped', args.lang, { sheets: written.notesSkipped.map(escapeControl).join(', ') }) : '';
  // Standard output stays pure JSON with --json: the note goes beside the progress lines then.
  if (macrosDropped && args.json) io.stderr(cliText('cliMacrosDropped', args.lang) + '\n');
  if (notesSkipped && args.json) io.stderr(notesSkipped + '\n');
  if (args.json) {
    io.stdout(JSON.stringify(toJsonResult(analysis, loaded.grid, args.lang, { explain: args.explain }), null, 2) + '\n');
  } else {
    if (args.explain) io.stdout(formatExplanation(analysis, args.lang) + '\n');
    io.stdout(formatSummary(analysis, args.lang) + '\n');
    if (args.out && plan) {
      const n = plan.writes.length;
      io.stdout('\n' + cliText('annotatedWritten', args.lang, { path: escapeControl(args.out), formulas: n, highlights: plan.highlights.length, sheet: plan.summary.name }) + '\n');
      if (macrosDropped) io.stdout(cliText('cliMacrosDropped', args.lang) + '\n');
      if (notesSkipped) io.stdout(notesSkipped + '\n');
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

/**
 * The one line for a problem with the user's input or output (exit code 2), in their language, with
 * every control character escaped so that it stays one line; null for a bug (thrown on).
 */
export function oneClearLine(error: unknown, lang: 'vi' | 'en'): string | null {
  let text: string | null = null;
  if (isCchcError(error)) text = errorText(error, lang);
  else if (isSystemError(error)) text = errorText(fileProblemOf(error), lang);
  return text === null ? null : escapeControl(text);
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
    const line = oneClearLine(error, lang);
    if (line === null) throw error;
    io.stderr('cchc: ' + line + '\n');
    return 2;
  }
}
