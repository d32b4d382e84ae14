import { Lang } from './number/format';
import { MessageCode, MessageParams, messageText } from './messages/errorText';

export type { MessageCode, MessageParams };

/**
 * The one error type of the tool's own refusals: a code and parameters, whose sentence lives in
 * the catalogue (src/core/messages/errorText.ts says which file holds which code). The command
 * line prints it as one line (exit code 2), the pane and the ribbon show it through
 * describeError (src/app/errors.ts). `messageVi` (also the Error's message) and `messageEn` are
 * the two sentences, rendered once when it is made. `detail` is a technical reason for logs and
 * tests, never the message. Anything else thrown is a bug or a host's error.
 *
 * ES5-safe. Recognised by isCchcError, which reads a brand rather than instanceof, so an error
 * made by another bundle's copy of the core (a chunk, a worker) is still recognised.
 */
export class CchcError extends Error {
  readonly cchcError: true;
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly messageVi: string;
  readonly messageEn: string;
  detail?: string;

  constructor(code: MessageCode, params: MessageParams = {}, detail?: string) {
    const vi = messageText(code, 'vi', params);
    super(vi);
    // Compiled to ES5 classes, extending Error breaks instanceof without this.
    setPrototype(this, new.target.prototype);
    this.name = 'CchcError';
    this.message = vi;
    this.cchcError = true;
    this.code = code;
    this.params = params;
    this.messageVi = vi;
    this.messageEn = messageText(code, 'en', params);
    if (detail !== undefined) this.detail = detail;
  }
}

function setPrototype(object: object, proto: object): void {
  const set = (Object as unknown as { setPrototypeOf?: (o: object, p: object) => void }).setPrototypeOf;
  if (set) set(object, proto);
  else (object as { __proto__?: object }).__proto__ = proto;
}

export function isCchcError(e: unknown): e is CchcError {
  return typeof e === 'object' && e !== null && (e as CchcError).cchcError === true && typeof (e as CchcError).code === 'string';
}

/** The error's sentence in `lang`, from the catalogue. */
export function errorText(e: CchcError, lang: Lang): string {
  return lang === 'vi' ? e.messageVi : e.messageEn;
}
