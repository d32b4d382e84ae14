import { Lang } from '../number/format';
import { CLI_TEXT, cliText, CliTextKey } from './cliText';
import { EXPLAIN_TEXT, ExplainParam, explainText, ExplainTextKey } from './explainText';
import { WorkbookInputErrorCode, WorkbookInputErrorInfo, workbookInputText } from './fileText';
import { FileAction, OUTPUT_TEXT, outputText, OutputTextKey, systemErrorText } from './fileSystemText';

/**
 * The codes of every error the tool raises as a CchcError (src/core/errors.ts), and where each
 * one's words live: a workbook the reader refuses (fileText.ts), a command-line mistake or refusal
 * (cliText.ts, and the column and profile sentences of explainText.ts), an output that cannot be
 * written (fileSystemText.ts), and a system error by its own code ("EACCES", fileSystemText.ts).
 * The tables' keys are disjoint (a test checks it), so a code names one sentence.
 */
export type SystemErrorCode = `E${string}`;
export type MessageCode = WorkbookInputErrorCode | CliTextKey | ExplainTextKey | OutputTextKey | SystemErrorCode;

/** Parameters of a message: filled into its template (a {vi, en} pair gives one text per language). */
export interface MessageParams {
  [name: string]: string | number | boolean | { vi: string; en: string } | undefined;
}

const WORKBOOK_CODES: { [code in WorkbookInputErrorCode]: true } = {
  'not-found': true,
  'not-a-file': true,
  'not-xlsx': true,
  'legacy-xls': true,
  encrypted: true,
  corrupt: true,
  'too-large': true,
  'too-many-entries': true,
  'beyond-limits': true,
};

function has(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

function simple(params: MessageParams): { [name: string]: string | number } {
  const out: { [name: string]: string | number } = {};
  for (const k in params) {
    if (!has(params, k)) continue;
    const v = params[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

function withWords(params: MessageParams): { [name: string]: ExplainParam } {
  const out: { [name: string]: ExplainParam } = {};
  for (const k in params) {
    if (!has(params, k)) continue;
    const v = params[k];
    if (typeof v === 'string' || typeof v === 'number' || (typeof v === 'object' && v !== null)) out[k] = v;
  }
  return out;
}

/** The sentence of `code` in `lang`, its parameters filled. */
export function messageText(code: MessageCode, lang: Lang, params: MessageParams): string {
  if (has(WORKBOOK_CODES, code)) {
    const pair = workbookInputText(code as WorkbookInputErrorCode, String(params.fileName), params as WorkbookInputErrorInfo);
    return lang === 'vi' ? pair[0] : pair[1];
  }
  if (has(CLI_TEXT, code)) return cliText(code as CliTextKey, lang, simple(params));
  if (has(EXPLAIN_TEXT, code)) return explainText(code as ExplainTextKey, lang, withWords(params));
  if (has(OUTPUT_TEXT, code)) return outputText(code as OutputTextKey, lang, simple(params));
  return systemErrorText(code, (params.action as FileAction | 'any') || 'any', String(params.path), lang);
}

/** The keys of each table, for the test that they are disjoint. */
export function messageTables(): { [table: string]: string[] } {
  return { workbook: Object.keys(WORKBOOK_CODES), cli: Object.keys(CLI_TEXT), explain: Object.keys(EXPLAIN_TEXT), output: Object.keys(OUTPUT_TEXT) };
}
