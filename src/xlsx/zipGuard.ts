import { WorkbookInputError } from './workbookInputError';

/**
 * Cheap checks on a file's raw bytes before ExcelJS (and jszip inside it) inflates anything:
 * old .xls and password-protected workbooks (both OLE2 containers) get their own message, and
 * the zip's own directory is read to refuse zip bombs and absurd entry counts up front.
 * Only the directory is parsed: nothing is decompressed, so this costs microseconds.
 */

export interface ZipLimits {
  /** Sum of all entries' declared uncompressed sizes. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Uncompressed / compressed, checked only for entries larger than RATIO_CHECK_MIN_BYTES. */
  maxCompressionRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10000,
  maxCompressionRatio: 200,
};

/** Small entries may compress extremely well (a run of empty cells); only big ones can hurt. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" as UTF-16LE: the stream Office puts in the OLE container of an encrypted .xlsx. */
const ENCRYPTION_INFO = utf16le('EncryptionInfo');
/** The part every workbook has and ExcelJS requires; its absence means "some other zip". */
const WORKBOOK_PART = 'xl/workbook.xml';

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function indexOfBytes(bytes: Uint8Array, needle: Uint8Array): number {
  // Buffer.indexOf is native and fast; fall back to a plain scan where Buffer is absent (browser).
  if (typeof Buffer !== 'undefined') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength));
  }
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

class Corrupt extends Error {}

/** Little-endian reads that fail as "corrupt" instead of reading past the end. */
class Reader {
  private view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw new Corrupt('read past end at ' + at);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw new Corrupt('read past end at ' + at);
    return this.view.getUint32(at, true);
  }
  /** 64-bit sizes as a double: exact up to 2^53, far beyond any limit we accept. */
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }
  isSig(at: number, sig: number): boolean {
    return at >= 0 && at + 4 <= this.bytes.length && this.view.getUint32(at, true) === sig;
  }
}

interface Directory {
  declaredEntries: number;
  offset: number;
}

/** Finds the End Of Central Directory record (the last one, as jszip does) and, for ZIP64, its 64-bit twin. */
function readDirectoryEnd(r: Reader): Directory {
  const minPos = Math.max(0, r.length - EOCD_SIZE - MAX16);
  let eocd = -1;
  for (let pos = r.length - EOCD_SIZE; pos >= minPos; pos--) {
    if (r.bytes[pos] === 0x50 && r.isSig(pos, SIG_EOCD)) {
      eocd = pos;
      break;
    }
  }
  if (eocd < 0) throw new Corrupt('no end of central directory');
  let entries = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  let expectedEnd = offset + size;
  const zip64 = r.u16(eocd + 4) === MAX16 || r.u16(eocd + 6) === MAX16 || r.u16(eocd + 8) === MAX16 || entries === MAX16 || size === MAX32 || offset === MAX32;
  if (zip64) {
    const locator = eocd - 20;
    if (!r.isSig(locator, SIG_ZIP64_LOCATOR)) throw new Corrupt('zip64 locator missing');
    const record = r.u64(locator + 8);
    if (!r.isSig(record, SIG_ZIP64_EOCD)) throw new Corrupt('zip64 end of central directory missing');
    entries = r.u64(record + 32);
    size = r.u64(record + 40);
    offset = r.u64(record + 48);
    // jszip's own arithmetic: directory, then the zip64 record (12 leading bytes + its size), then the locator.
    expectedEnd = offset + size + 12 + r.u64(record + 4) + 20;
  }
  const extra = eocd - expectedEnd;
  if (extra < 0) throw new Corrupt('central directory overlaps its end record');
  // Like jszip: if the directory is not where the record says, data was prepended; shift by it.
  if (!r.isSig(offset, SIG_CENTRAL) && extra > 0) offset += extra;
  return { declaredEntries: entries, offset };
}

/** An OLE2 (compound file) container: an .xls, an encrypted .xlsx, or some other OLE2 file. */
export function isCfbContainer(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB_MAGIC);
}

/** The container names an EncryptionInfo stream: Office's encrypted .xlsx. */
export function hasEncryptionInfo(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, ENCRYPTION_INFO) >= 0;
}

/** An OLE2 container that is not an encrypted .xlsx: an Excel 97-2003 workbook, or some other OLE2 file. */
export function isLegacyContainer(bytes: Uint8Array): boolean {
  return isCfbContainer(bytes) && !hasEncryptionInfo(bytes);
}

export function resolveLimits(limits?: Partial<ZipLimits>): ZipLimits {
  const pick = (key: keyof ZipLimits) => (limits && typeof limits[key] === 'number' ? (limits[key] as number) : DEFAULT_ZIP_LIMITS[key]);
  return { maxUncompressedBytes: pick('maxUncompressedBytes'), maxEntries: pick('maxEntries'), maxCompressionRatio: pick('maxCompressionRatio') };
}

/**
 * Throws WorkbookInputError unless `bytes` look like an .xlsx that is safe to hand to ExcelJS.
 * Codes: 'legacy-xls', 'encrypted', 'not-xlsx', 'corrupt', 'too-large', 'too-many-entries'.
 */
export function inspectXlsxBytes(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): void {
  const lim = resolveLimits(limits);

  if (isCfbContainer(bytes)) {
    // Excel stores a password-protected .xlsx inside an OLE2 container, next to the EncryptionInfo stream.
    throw new WorkbookInputError(hasEncryptionInfo(bytes) ? 'encrypted' : 'legacy-xls', fileName);
  }
  const r = new Reader(bytes);
  if (!r.isSig(0, SIG_LOCAL)) throw new WorkbookInputError('not-xlsx', fileName, { detail: 'no zip local header at the start' });

  try {
    const dir = readDirectoryEnd(r);
    if (dir.declaredEntries > lim.maxEntries) {
      throw new WorkbookInputError('too-many-entries', fileName, { entries: dir.declaredEntries, limitEntries: lim.maxEntries });
    }
    let total = 0;
    let count = 0;
    let hasWorkbook = false;
    const wanted = WORKBOOK_PART.length;
    // Walk the way jszip will: while the signature matches, whatever the declared count says.
    for (let pos = dir.offset; r.isSig(pos, SIG_CENTRAL);) {
      if (++count > lim.maxEntries) {
        throw new WorkbookInputError('too-many-entries', fileName, { entries: count, limitEntries: lim.maxEntries });
      }
      const flags = r.u16(pos + 8);
      let compressed = r.u32(pos + 20);
      let uncompressed = r.u32(pos + 24);
      const nameLen = r.u16(pos + 28);
      const extraLen = r.u16(pos + 30);
      const commentLen = r.u16(pos + 32);
      let local = r.u32(pos + 42);
      const nameAt = pos + CENTRAL_SIZE;
      const next = nameAt + nameLen + extraLen + commentLen;
      if (next > r.length) throw new Corrupt('central directory entry runs past the end');
      if (uncompressed === MAX32 || compressed === MAX32 || local === MAX32) {
        // ZIP64 extra field (id 1): the 64-bit values, present only for the fields that overflowed.
        for (let e = nameAt + nameLen; e + 4 <= nameAt + nameLen + extraLen;) {
          const id = r.u16(e);
          const len = r.u16(e + 2);
          if (id === 1) {
            let at = e + 4;
            if (uncompressed === MAX32) {
              uncompressed = r.u64(at);
              at += 8;
            }
            if (compressed === MAX32) {
              compressed = r.u64(at);
              at += 8;
            }
            if (local === MAX32) local = r.u64(at);
            break;
          }
          e += 4 + len;
        }
      }
      if (flags & 1) throw new WorkbookInputError('encrypted', fileName, { detail: 'zip-level encryption' });
      total += uncompressed;
      if (total > lim.maxUncompressedBytes) {
        throw new WorkbookInputError('too-large', fileName, { limitBytes: lim.maxUncompressedBytes, detail: 'declared uncompressed total ' + total });
      }
      if (uncompressed > RATIO_CHECK_MIN_BYTES && uncompressed > lim.maxCompressionRatio * compressed) {
        throw new WorkbookInputError('too-large', fileName, { detail: 'compression ratio ' + Math.round(uncompressed / Math.max(1, compressed)) });
      }
      // The entry's data must be in the file, behind a real local header.
      if (!r.isSig(local, SIG_LOCAL)) throw new Corrupt('local header missing');
      if (local + LOCAL_SIZE + r.u16(local + 26) + r.u16(local + 28) + compressed > r.length) throw new Corrupt('entry data runs past the end');
      if (!hasWorkbook && (nameLen === wanted || nameLen === wanted + 1)) hasWorkbook = isWorkbookPart(r.bytes, nameAt, nameLen);
      pos = next;
    }
    if (count === 0) throw new Corrupt('empty central directory');
    if (!hasWorkbook) throw new WorkbookInputError('not-xlsx', fileName, { detail: 'zip has no ' + WORKBOOK_PART });
  } catch (error) {
    if (error instanceof Corrupt) throw new WorkbookInputError('corrupt', fileName, { detail: error.message });
    throw error;
  }
}

/** Name equals "xl/workbook.xml" (ExcelJS also accepts a leading "/"). */
function isWorkbookPart(bytes: Uint8Array, at: number, len: number): boolean {
  let i = at;
  if (len === WORKBOOK_PART.length + 1) {
    if (bytes[i] !== 0x2f) return false;
    i++;
  }
  for (let k = 0; k < WORKBOOK_PART.length; k++) if (bytes[i + k] !== WORKBOOK_PART.charCodeAt(k)) return false;
  return true;
}
