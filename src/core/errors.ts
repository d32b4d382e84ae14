import { CchcError } from './cchcError';
import { MessageCode, MessageParams, messageText } from './messages/errorText';
import { Lang } from './number/format';

export { CchcError };
export type { MessageCode, MessageParams } from './messages/errorText';

/**
 * The tool's own errors (CchcError, src/core/cchcError.ts: a code and parameters whose sentence
 * lives in the catalogue) and how every edge recognises one and says it. Recognising one needs
 * no catalogue: the pane's first bundle loads the sentences only where an error is made.
 */

export function isCchcError(e: unknown): e is CchcError {
  return typeof e === 'object' && e !== null && (e as CchcError).cchcError === true && typeof (e as CchcError).code === 'string';
}

/** The error's sentence in `lang` (rendered from the catalogue when it was made). */
export function errorText(e: CchcError, lang: Lang): string {
  return lang === 'vi' ? e.messageVi : e.messageEn;
}

/** A CchcError for `code`, its two sentences rendered from the catalogue (errorText.ts finds the table). */
export function cchcError(code: MessageCode, params: MessageParams = {}, detail?: string): CchcError {
  return new CchcError(code, params, { vi: messageText(code, 'vi', params), en: messageText(code, 'en', params) }, detail);
}
