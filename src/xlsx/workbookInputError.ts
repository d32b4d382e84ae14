import { CchcError } from '../core/errors';
import { BeyondLimitsWhat, WorkbookInputErrorCode, WorkbookInputErrorInfo, workbookInputText } from '../core/messages';

export type { BeyondLimitsWhat, WorkbookInputErrorCode, WorkbookInputErrorInfo };

/**
 * A problem with the workbook the user handed us: one clear line in Vietnamese (and English),
 * never a stack trace. Gateways throw it; the CLI and the add-in only print the message. A
 * CchcError whose code is one of WorkbookInputErrorCode (consolidateFiles maps them to failures)
 * and whose sentences live in src/core/messages/fileText.ts.
 */
export class WorkbookInputError extends CchcError {
  readonly code: WorkbookInputErrorCode;
  readonly fileName: string;

  constructor(code: WorkbookInputErrorCode, fileName: string, info: WorkbookInputErrorInfo = {}) {
    const params: { [name: string]: string | number | boolean | undefined } = { fileName: fileName };
    for (const k of Object.keys(info) as Array<keyof WorkbookInputErrorInfo>) if (k !== 'detail') params[k] = info[k];
    const [vi, en] = workbookInputText(code, fileName, info);
    super(code, params, { vi: vi, en: en }, info.detail);
    Object.setPrototypeOf(this, WorkbookInputError.prototype);
    this.name = 'WorkbookInputError';
    this.code = code;
    this.fileName = fileName;
  }
}
