import { errorText, isCchcError } from '../core/errors';
import { isHostError } from '../core/host';
import { hostErrorText } from '../core/messages';
import { Lang } from '../core/number';

/**
 * Any failure in words for the official, the same from every button: a host's error (protected sheet,
 * cell being edited, a co-author's change…) by its code, the tool's own refusal (a CchcError: a file
 * that cannot be read…) by its code's sentence from the catalogue, anything else as "unexpected" with its text as the details line. ES5-safe.
 */

export interface UserMessage {
  text: string;
  /** The host's or the error's own text, for the details line only. */
  detail?: string;
}

export function describeError(error: unknown, lang: Lang): UserMessage {
  if (isHostError(error)) {
    const m: UserMessage = { text: hostErrorText(error.code, lang, error.sheet) };
    if (error.detail) m.detail = error.detail;
    return m;
  }
  if (isCchcError(error)) {
    const m: UserMessage = { text: errorText(error, lang) };
    if (typeof error.detail === 'string') m.detail = error.detail;
    return m;
  }
  const e = error as { message?: unknown };
  const m: UserMessage = { text: hostErrorText('unknown', lang) };
  if (e && typeof e.message === 'string') m.detail = e.message;
  else if (error !== undefined && error !== null) m.detail = String(error);
  return m;
}
