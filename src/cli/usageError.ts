/** A mistake in what the user typed: one line on stderr in the user's language, exit code 2. */
export class UsageError extends Error {
  messageEn: string;
  constructor(vi: string, en: string) {
    super(vi);
    this.messageEn = en;
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}
