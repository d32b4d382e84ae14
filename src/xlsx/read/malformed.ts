import { MalformedPart } from '../package/normaliseXml';

/**
 * A part the reader cannot make sense of (bad XML, a missing relationship, a name ExcelJS refuses):
 * the entry points turn it into WorkbookInputError 'corrupt' with this detail.
 */
export function bad(detail: string): never {
  throw new MalformedPart(detail);
}
