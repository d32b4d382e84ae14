import { ColumnChoices } from '../core/recognise';
import { CchcError, cchcError } from '../core/errors';
import { HELP_EN, HELP_VI } from '../core/messages';
import { addColumnSpec } from './columns';

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

/** A usage mistake is a CchcError (exit code 2); the name stays for the callers that catch one. */
export { CchcError as UsageError, HELP_EN, HELP_VI };

const COMMANDS: { [name: string]: Command } = { score: 'score', report: 'report', sample: 'sample', consolidate: 'consolidate', help: 'help', version: 'version' };

/** "90,80,70" (or "90;80;70", "92.5,80,70") → A, B, C thresholds, each below the one before. */
function parseGroups(value: string): { a: number; b: number; c: number } {
  const parts = value.split(/[;,\s]+/).filter((p) => p !== '');
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? parseFloat(p) : NaN));
  if (numbers.length !== 3 || numbers.some((n) => !(n >= 0 && n <= 100)) || !(numbers[0] > numbers[1] && numbers[1] > numbers[2])) {
    throw cchcError('badGroups');
  }
  return { a: numbers[0], b: numbers[1], c: numbers[2] };
}

/** Years --year accepts: four digits, 2000..2100. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function parseYear(value: string): number {
  const year = /^\d{4}$/.test(value) ? parseInt(value, 10) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw cchcError('badYear', { min: MIN_YEAR, max: MAX_YEAR, value: value });
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
      if (next === undefined) throw cchcError('missingValue', { option: name });
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
      if (lang !== 'vi' && lang !== 'en') throw cchcError('badLang');
      args.lang = lang;
    } else if (a.charAt(0) === '-' && a !== '-') throw cchcError('unknownOption', { option: a });
    else positional.push(a);
  }
  if (wantsVersion) return { ...args, command: 'version' };
  if (wantsHelp || positional.length === 0) return args;
  const command = COMMANDS[positional[0]];
  if (!command) throw cchcError('unknownCommand', { command: positional[0] });
  args.command = command;
  // consolidate takes any number of files and folders; that some were named is checked by the command (exit 2).
  if (command === 'consolidate') args.inputs = positional.slice(1);
  else if (positional.length > 2) throw cchcError('tooManyArguments', { extra: positional.slice(2).join(' ') });
  args.file = command === 'consolidate' ? null : positional[1] || null;
  if (args.command === 'sample') {
    if (args.file && !args.out) args.out = args.file;
    args.file = null;
  } else if ((args.command === 'score' || args.command === 'report') && !args.file && !args.sample) {
    throw cchcError('noInputFile', { command: args.command });
  }
  if (args.explain && args.command !== 'score') {
    throw cchcError('explainOnlyScore');
  }
  if (args.command === 'sample' && (args.columns || args.columnsFile !== undefined)) {
    throw cchcError('columnsNotForSample', { option: args.columns ? '--column' : '--columns' });
  }
  if (args.docx !== null && args.command !== 'report') {
    throw cchcError('docxOnlyReport');
  }
  return args;
}
