/**
 * Every user-facing sentence of the tool, Vietnamese first and English, by audience; the public
 * entry point of src/core/messages for the edges (eslint forbids a deeper path from them). Code
 * identifiers stay English in the code; only what a person reads lives here.
 *
 *   flagText.ts           what a highlight means: the summary sheet's legend, the cell notes,
 *                         a flag's kind in words, a printed sheet's title block and footer
 *   catalogue.ts          flags (what the checks report), the summary sheet's and the report's
 *                         named strings (TEXT), severities
 *   errorText.ts          the error codes of CchcError (src/core/errors.ts) and which file holds
 *                         each one's sentence
 *   cliText.ts            the command line: usage mistakes, refusals of what the user named,
 *                         progress and "written" lines, the score table's words, --help
 *   fileText.ts           a workbook the reader refuses (WorkbookInputError's codes)
 *   fileSystemText.ts     outputs that cannot be written, system errors by their code (EACCES…)
 *   consolidationText.ts  the district's consolidation: ranking sheets, groups, failures
 *   explainText.ts        `cchc score --explain` and the --column / --columns / --profile errors
 *   readingText.ts        how a table was read, as the pane shows it
 *   roleText.ts           column roles in words
 *   paneText.ts           the task pane (full pane)
 *   hostMessages.ts       a host's errors (protected sheet, cell being edited…), the ribbon
 *                         command's and the light pane's words
 *   reportText.ts         the self-assessment report (section II as text, the Word report)
 *   ruleText.ts           the rules installed on a scoring sheet: validation prompts and alerts,
 *                         the tier sheet's title
 */
export * from './catalogue';
export * from './cliText';
export * from './consolidationText';
export * from './errorText';
export * from './explainText';
export * from './fileSystemText';
export * from './fileText';
export * from './flagText';
export * from './hostMessages';
export * from './paneText';
export * from './readingText';
export * from './reportText';
export * from './roleText';
export * from './ruleText';
