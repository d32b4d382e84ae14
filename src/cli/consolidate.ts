import * as fs from 'fs';
import * as path from 'path';
import { Consolidation, consolidationSheets, DEFAULT_GROUPS, groupLabel, isConsolidationWorkbook } from '../core/consolidate';
import { cliText, CliTextKey, consolidationText, failureText, flagMessage } from '../core/messages';
import { CchcError, cchcError } from '../core/errors';
import { formatPercentHundredths, formatPoints, Lang, Points, unitsToNumber } from '../core/number';
import { Profile } from '../core/profile';
import { ColumnChoices } from '../core/recognise';
import { consolidateFiles, FileToConsolidate, summarySheetsToXlsx } from '../xlsx/consolidateFiles';
import { readGridFromXlsxBytes } from '../xlsx/read/readGrid';
import { readWorkbookFileBytes } from '../xlsx/node/workbookFile';
import { fileIdentity, FileIdentity } from '../xlsx/node/outputFile';
import { CliArgs } from './args';
import { checkOutputTarget, writeCheckedOutput, writeFailure } from './outputTarget';
import { quietly } from '../xlsx/quietConsole';
import { fileProblemOf, isSystemError } from './systemErrors';
import { escapeControl } from './terminalText';

/**
 * `cchc consolidate DIR|FILES... [--out TONG-HOP.xlsx] [--json] [--groups 90,80,70]`: the
 * district's ranking of many communes. Files are read one at a time; a bad file is listed with
 * its reason and the batch goes on. Exit 0 when at least one commune was consolidated (failed
 * files are listed), 2 when nothing was given or found, or every file failed.
 */

export interface ConsolidateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A problem with what the user named: one line on stderr, exit code 2; names escaped for the terminal. */
function problem(key: CliTextKey, params: { [name: string]: string | number }): CchcError {
  const safe: { [name: string]: string | number } = {};
  for (const k of Object.keys(params)) safe[k] = typeof params[k] === 'string' ? escapeControl(params[k] as string) : params[k];
  return cchcError(key, safe);
}

/** The listed inputs, and whether the output is one of the folder's own files (skipped, not read). */
export interface ListedInputs {
  files: string[];
  /** The output is a file of a named folder (an earlier consolidation there, or a commune's workbook). */
  outInFolder: boolean;
}

function sameInode(id: FileIdentity | null, stat: fs.BigIntStats): boolean {
  return id !== null && id.exists === true && id.dev === stat.dev && id.ino === stat.ino;
}

/** .xlsx and Excel 97-2003 .xls; Excel's lock files ("~$Phu-luc.xlsx") are not workbooks. */
function isWorkbookName(name: string): boolean {
  return /\.xlsx?$/i.test(name) && name.indexOf('~$') !== 0;
}

/**
 * Every input file: a folder's .xlsx files (not recursive, sorted), files as named; never the
 * output, compared by identity (a link, a hard link, another case of the name). A folder's file
 * that is the output is left out (outInFolder says so); a named file that is the output is refused.
 */
export function listInputs(inputs: string[], out: string | null): string[] {
  const listed = listInputFiles(inputs, out);
  if (listed.files.length === 0) throw problem('cliNoFiles', { where: inputs.join(', ') });
  return listed.files;
}

/** As listInputs, without refusing an empty list: the caller first says when the output was the one file. */

export function listInputFiles(inputs: string[], out: string | null): ListedInputs {
  if (inputs.length === 0) throw problem('cliNoInput', {});
  const outId = out !== null ? fileIdentity(out) : null;
  const files: string[] = [];
  let outInFolder = false;
  for (const input of inputs) {
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(input, { bigint: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || !isSystemError(error)) throw problem('cliNotFound', { path: input });
      throw fileProblemOf(error, 'read', input);
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(input);
      } catch (error) {
        throw isSystemError(error) ? fileProblemOf(error, 'list', input) : error;
      }
      names = names.filter(isWorkbookName).sort((a, b) => a.localeCompare(b, 'vi'));
      for (const name of names) {
        const full = path.join(input, name);
        let entry: fs.BigIntStats;
        try {
          entry = fs.statSync(full, { bigint: true });
        } catch {
          files.push(full); // listed as failed with the reader's reason
          continue;
        }
        if (sameInode(outId, entry)) {
          outInFolder = true;
          continue;
        }
        if (entry.isFile()) files.push(full);
      }
    } else {
      if (sameInode(outId, stat)) throw problem('cliOutIsInput', { path: input });
      files.push(input);
    }
  }
  return { files: files, outInFolder: outInFolder };
}

function pad(text: string, width: number, right?: boolean): string {
  const t = text.length > width ? text.substring(0, width - 1) + '…' : text;
  const fill = new Array(Math.max(0, width - t.length) + 1).join(' ');
  return right ? fill + t : t + fill;
}

function pct(hundredths: number | null, lang: Lang): string {
  return hundredths === null ? '' : formatPercentHundredths(hundredths, lang) + '%';
}

/** The ranking as a text table (rank, commune, self, %, appraised, %, group), then the failed files. */
export function formatConsolidation(c: Consolidation, lang: Lang): string {
  const groups = c.groups || DEFAULT_GROUPS;
  const anyAppraised = c.rows.some((r) => r.appraised !== null);
  const out: string[] = [];
  out.push(consolidationText(c.rankedBy === 'appraised' ? 'rankedByAppraised' : 'rankedBySelf', lang));
  let head = pad(consolidationText('rank', lang), 9) + pad(consolidationText('commune', lang), 30) + pad(consolidationText('self', lang), 12, true) + pad('%', 9, true);
  if (anyAppraised) head += pad(consolidationText('appraised', lang), 12, true) + pad('%', 9, true);
  out.push(head + '  ' + consolidationText('group', lang));
  for (const r of c.rows) {
    let line = pad(String(r.rank), 9) + pad(escapeControl(r.commune), 30) + pad(formatPoints(r.self, lang), 12, true) + pad(pct(r.selfPercentHundredths, lang), 9, true);
    if (anyAppraised) line += pad(r.appraised === null ? '' : formatPoints(r.appraised, lang), 12, true) + pad(pct(r.appraisedPercentHundredths, lang), 9, true);
    out.push(line + '  ' + groupLabel(r.group, groups, lang));
  }
  if (c.rows.length === 0) out.push(consolidationText('noCommunes', lang));
  if (c.failed.length > 0) {
    out.push('');
    out.push(cliText('cliFailedHeading', lang));
    for (const f of c.failed) out.push('  ' + escapeControl(f.fileName + ': ' + failureText(f.failure, lang, f.detail)));
  }
  return out.join('\n');
}

function num(units: Points | null): number | null {
  return units === null ? null : unitsToNumber(units);
}

function percent(hundredths: number | null): number | null {
  return hundredths === null ? null : hundredths / 100;
}

/** The Consolidation as JSON: points and percentages as JSON numbers (68.13, 92.07), words added. */
export function consolidationJson(c: Consolidation, lang: Lang): unknown {
  const groups = c.groups || DEFAULT_GROUPS;
  return {
    rankedBy: c.rankedBy,
    groups: groups,
    fieldColumns: c.fieldColumns.map((f) => ({ code: f.code, name: f.name, max: unitsToNumber(f.max) })),
    rows: c.rows.map((r) => ({
      rank: r.rank,
      commune: r.commune,
      fileName: r.fileName,
      group: r.group,
      groupLabel: groupLabel(r.group, groups, lang),
      max: unitsToNumber(r.max),
      self: unitsToNumber(r.self),
      selfPercent: percent(r.selfPercentHundredths),
      appraised: num(r.appraised),
      appraisedPercent: percent(r.appraisedPercentHundredths),
      fields: r.fields.map((f) => ({ code: f.code, name: f.name, max: unitsToNumber(f.max), self: unitsToNumber(f.self), appraised: num(f.appraised) })),
      flagCounts: r.flagCounts,
    })),
    failed: c.failed.map((f) => ({
      fileName: f.fileName,
      failure: f.failure,
      detail: f.detail === undefined ? null : f.detail,
      reason: failureText(f.failure, lang, f.detail),
      technical: f.technical === undefined ? null : f.technical,
    })),
    flagKinds: c.flagKinds,
    flags: c.flags.map((item) => ({
      commune: item.commune,
      fileName: item.fileName,
      kind: item.flag.kind,
      severity: item.flag.severity,
      sheet: item.flag.sheet,
      cell: item.flag.cell,
      code: item.flag.code,
      message: flagMessage(item.flag, lang),
    })),
  };
}

/**
 * Writing over a previous consolidation is how a re-run works; writing over anything else (a
 * commune's workbook in the same folder) would lose the user's data: that takes --force, and a
 * commune's workbook among the inputs is never replaced.
 */
async function isEarlierConsolidation(out: string): Promise<boolean> {
  try {
    const grid = await readGridFromXlsxBytes(readWorkbookFileBytes(out).bytes, path.basename(out));
    return isConsolidationWorkbook(grid.sheets.map((sheet) => sheet.name));
  } catch {
    return false;
  }
}

/** Progress on stderr: "Đã đọc 12/250 tệp" at most about once a second, and always the last. */
function progressWriter(io: ConsolidateIo, lang: Lang): (done: number, total: number) => void {
  let last = Date.now();
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 1000) return;
    last = now;
    io.stderr(consolidationText('progress', lang, { done: done, total: total }) + '\n');
  };
}

/** `columns`: the user's --column / --columns choice, applied to every workbook (sheet names as typed). */
export async function runConsolidate(args: CliArgs, io: ConsolidateIo, profile: Profile | null | 'auto', columns?: ColumnChoices): Promise<number> {
  const lang = args.lang;
  if (args.out !== null && !/\.xlsx$/i.test(args.out)) throw problem('cliOutXlsx', { path: args.out });
  const listed = listInputFiles(args.inputs || [], args.out);
  const paths = listed.files;
  const out = args.out;
  if (out !== null && listed.outInFolder && !(await isEarlierConsolidation(out))) {
    // A commune's workbook in the folder being consolidated: an input, even with --force.
    throw problem('cliOutIsInput', { path: out });
  }
  if (paths.length === 0) throw problem('cliNoFiles', { where: (args.inputs || []).join(', ') });
  const target =
    out === null ? null : await checkOutputTarget(out, { option: '--out', ext: '.xlsx', inputs: [], force: args.force, mayReplace: isEarlierConsolidation, existsKey: 'outExistsNotConsolidation' });
  const files: FileToConsolidate[] = paths.map((p) => ({ name: path.basename(p), bytes: () => readWorkbookFileBytes(p).bytes }));
  const consolidation = await quietly(() =>
    consolidateFiles(files, { lang: lang, groups: args.groups, profile: profile, columns: columns, assessmentYear: args.year, onProgress: progressWriter(io, lang) }),
  );

  if (args.json) io.stdout(JSON.stringify(consolidationJson(consolidation, lang), null, 2) + '\n');
  else io.stdout(formatConsolidation(consolidation, lang) + '\n');

  if (consolidation.rows.length === 0) throw problem('cliAllFailed', { count: consolidation.failed.length });
  if (target !== null && out !== null) {
    try {
      const bytes = await quietly(() => summarySheetsToXlsx(consolidationSheets(consolidation, lang)));
      await writeCheckedOutput(target, bytes);
    } catch (error) {
      throw writeFailure(out, error);
    }
    if (!args.json) io.stdout('\n' + cliText('cliWritten', lang, { path: escapeControl(out), communes: consolidation.rows.length, failed: consolidation.failed.length }) + '\n');
  }
  return 0;
}
