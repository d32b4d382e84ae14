import type { MessageCode, MessageParams } from './messages/errorText';

/**
 * The one error type of the tool's own refusals: a code and parameters, whose sentence lives in
 * the catalogue (src/core/messages/errorText.ts says which file holds which code). The command
 * line prints it as one line (exit code 2), the pane and the ribbon show it through
 * describeError (src/app/errors.ts). `messageVi` (also the Error's message) and `messageEn` are
 * the two sentences, rendered from the catalogue when it is made: by cchcError() in
 * src/core/errors.ts for any code, or by a subclass from its own table (WorkbookInputError from
 * fileText.ts, so that the file reader's chunk carries only the sentences it can say). `detail` is a technical reason for logs and
 * tests, never the message. Anything else thrown is a bug or a host's error.
 *
 * ES5-safe. Recognised by isCchcError (src/core/errors.ts), which reads a brand rather than
 * instanceof, so an error made by another bundle's copy of the core (a chunk, a worker) still is.
 */
export class CchcError extends Error {
  readonly cchcError: true;
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly messageVi: string;
  readonly messageEn: string;
  detail?: string;

  constructor(code: MessageCode, params: MessageParams, text: { vi: string; en: string }, detail?: string) {
    const vi = text.vi;
    super(vi);
    // Compiled to ES5 classes, extending Error breaks instanceof without this.
    setPrototype(this, new.target.prototype);
    this.name = 'CchcError';
    this.message = vi;
    this.cchcError = true;
    this.code = code;
    this.params = params;
    this.messageVi = vi;
    this.messageEn = text.en;
    if (detail !== undefined) this.detail = detail;
  }
}

function setPrototype(object: object, proto: object): void {
  const set = (Object as unknown as { setPrototypeOf?: (o: object, p: object) => void }).setPrototypeOf;
  if (set) set(object, proto);
  else (object as { __proto__?: object }).__proto__ = proto;
}
