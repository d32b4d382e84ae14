import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { DEFAULT_ZIP_LIMITS, inspectXlsxBytes, ZipLimits } from '../../src/xlsx/zipGuard';

/** The cheap byte-level checks that run before ExcelJS inflates anything. */

function codeOf(bytes: Uint8Array, limits?: Partial<ZipLimits>): string {
  try {
    inspectXlsxBytes(bytes, 'tep.xlsx', limits);
    return 'ok';
  } catch (error) {
    if (!(error instanceof WorkbookInputError)) throw error;
    expect(error.fileName).toBe('tep.xlsx');
    expect(error.message).toBe(error.messageVi);
    expect(error.messageVi).toContain('"tep.xlsx"');
    expect(error.messageVi.split('\n')).toHaveLength(1);
    return error.code;
  }
}

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Phụ lục 1').getCell('A1').value = 'STT';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip that passes for a workbook, plus whatever else the test needs. */
function workbookZip(): JSZip {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  return zip;
}

const deflate = (zip: JSZip) => zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('inspectXlsxBytes', () => {
  test('a real workbook passes, quickly', async () => {
    const bytes = await realXlsx();
    expect(codeOf(bytes)).toBe('ok');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) inspectXlsxBytes(bytes, 'tep.xlsx');
    const perCallMs = Number(process.hrtime.bigint() - t0) / 1e6 / 1000;
    expect(perCallMs).toBeLessThan(0.5);
  });

  test('defaults are the documented ones', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({ maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 10000, maxCompressionRatio: 200 });
  });

  test('random bytes, empty input, text', () => {
    let seed = 12345;
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      random[i] = seed >>> 24;
    }
    expect(codeOf(random)).toBe('not-xlsx');
    expect(codeOf(new Uint8Array(0))).toBe('not-xlsx');
    expect(codeOf(Buffer.from('PK'))).toBe('not-xlsx');
    expect(codeOf(Buffer.from('Họ tên,Chức vụ\n'))).toBe('not-xlsx');
  });

  test('OLE2 container: legacy .xls, or encrypted .xlsx when it holds EncryptionInfo', () => {
    expect(codeOf(Buffer.concat([CFB_MAGIC, Buffer.alloc(1000)]))).toBe('legacy-xls');
    // "EncryptionInfo" in ASCII is not the directory entry name: still just an .xls.
    expect(codeOf(Buffer.concat([CFB_MAGIC, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'latin1')]))).toBe('legacy-xls');
    const encrypted = Buffer.concat([CFB_MAGIC, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(1024)]);
    expect(codeOf(encrypted)).toBe('encrypted');
    // Works on a Uint8Array view into a larger buffer too (no Buffer assumptions about offsets).
    const padded = new Uint8Array(encrypted.length + 16);
    padded.set(encrypted, 16);
    expect(codeOf(padded.subarray(16))).toBe('encrypted');
  });

  test('truncated zips are corrupt, wherever they are cut', async () => {
    const bytes = await realXlsx();
    for (const cut of [30, 200, 3000, Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 1]) {
      expect([cut, codeOf(bytes.subarray(0, cut))]).toEqual([cut, 'corrupt']);
    }
  });

  test('a garbled central directory is corrupt', async () => {
    const bytes = Buffer.from(await realXlsx());
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cdOffset = bytes.readUInt32LE(eocd + 16);
    const broken = Buffer.from(bytes);
    broken.writeUInt32LE(bytes.length + 100, eocd + 16); // directory "after" the end
    expect(codeOf(broken)).toBe('corrupt');
    const badEntry = Buffer.from(bytes);
    badEntry.writeUInt16LE(0xfff0, cdOffset + 28); // first entry's name runs past the end
    expect(codeOf(badEntry)).toBe('corrupt');
    const badLocal = Buffer.from(bytes);
    badLocal.writeUInt32LE(bytes.length - 10, cdOffset + 42); // local header offset into nowhere
    expect(codeOf(badLocal)).toBe('corrupt');
  });

  test('a trailing zip comment is fine', async () => {
    const zip = workbookZip();
    const bytes = await zip.generateAsync({ type: 'nodebuffer', comment: 'xin chào PK\u0005\u0006 not a record' });
    expect(codeOf(bytes)).toBe('ok');
  });

  test('a zip without xl/workbook.xml is not an xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<document/>');
    expect(codeOf(await deflate(zip))).toBe('not-xlsx');
  });

  test('zip-bomb-like entry: too large in total, or an abnormal ratio', async () => {
    const zip = workbookZip();
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(4 * 1024 * 1024));
    const bytes = await deflate(zip);
    expect(bytes.length).toBeLessThan(64 * 1024);
    // Over the total size limit.
    expect(codeOf(bytes, { maxUncompressedBytes: 1024 * 1024 })).toBe('too-large');
    // Under the size limit, but 4 MiB of zeros squeeze more than 200:1.
    expect(codeOf(bytes)).toBe('too-large');
    expect(codeOf(bytes, { maxCompressionRatio: 100000 })).toBe('ok');
    // Small entries may compress as well as they like: the ratio applies above 1 MiB only.
    const small = workbookZip();
    small.file('xl/worksheets/sheet1.xml', '0'.repeat(512 * 1024));
    expect(codeOf(await deflate(small))).toBe('ok');
  });

  test('the too-large message says what was exceeded', async () => {
    const zip = workbookZip();
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(3 * 1024 * 1024));
    const bytes = await deflate(zip);
    try {
      inspectXlsxBytes(bytes, 'bom.xlsx', { maxUncompressedBytes: 2 * 1024 * 1024 });
      throw new Error('not thrown');
    } catch (error) {
      expect((error as WorkbookInputError).messageVi).toMatch(/quá lớn.*2 MB/);
      expect((error as WorkbookInputError).messageEn).toMatch(/too large.*2 MB/);
    }
  });

  test('too many entries, by the declared count and by the walk', async () => {
    const zip = workbookZip();
    for (let i = 0; i < 60; i++) zip.file('xl/media/image' + i + '.png', 'x');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(codeOf(bytes, { maxEntries: 50 })).toBe('too-many-entries');
    // 60 images, 2 parts, and the folder entries jszip adds (xl/, xl/media/): 64, the limit is inclusive.
    expect(codeOf(bytes, { maxEntries: 64 })).toBe('ok');
    expect(codeOf(bytes, { maxEntries: 63 })).toBe('too-many-entries');
    // The record may lie about the count; jszip walks on regardless, and so does the guard.
    const lying = Buffer.from(bytes);
    const eocd = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    lying.writeUInt16LE(3, eocd + 8);
    lying.writeUInt16LE(3, eocd + 10);
    expect(codeOf(lying, { maxEntries: 50 })).toBe('too-many-entries');
  });

  test('zip-level encryption (traditional PKWARE) is reported as encrypted', async () => {
    const bytes = Buffer.from(await deflate(workbookZip()));
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = bytes.readUInt32LE(eocd + 16);
    bytes.writeUInt16LE(bytes.readUInt16LE(cd + 8) | 1, cd + 8);
    expect(codeOf(bytes)).toBe('encrypted');
  });

  test('ZIP64 records are followed', async () => {
    // Rewrite a small zip as ZIP64: the 32-bit EOCD fields become 0xFFFF.. and point to a zip64 record.
    const bytes = await deflate(workbookZip());
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const entries = bytes.readUInt16LE(eocd + 10);
    const cdSize = bytes.readUInt32LE(eocd + 12);
    const cdOffset = bytes.readUInt32LE(eocd + 16);
    const body = bytes.subarray(0, eocd);
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(0x06064b50, 0);
    z64.writeBigUInt64LE(BigInt(44), 4);
    z64.writeUInt16LE(45, 12);
    z64.writeUInt16LE(45, 14);
    z64.writeBigUInt64LE(BigInt(entries), 24);
    z64.writeBigUInt64LE(BigInt(entries), 32);
    z64.writeBigUInt64LE(BigInt(cdSize), 40);
    z64.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(body.length), 8);
    locator.writeUInt32LE(1, 16);
    const end = Buffer.from(bytes.subarray(eocd, eocd + 22));
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const zip64 = Buffer.concat([body, z64, locator, end]);
    expect(codeOf(zip64)).toBe('ok');
    // jszip agrees it is a readable zip.
    expect(Object.keys((await JSZip.loadAsync(zip64)).files)).toContain('xl/workbook.xml');
    // A declared count above the limit is refused from the zip64 record alone.
    const many = Buffer.from(zip64);
    many.writeBigUInt64LE(BigInt(1e9), body.length + 32);
    expect(codeOf(many)).toBe('too-many-entries');
    // A locator pointing nowhere is corrupt.
    const lost = Buffer.from(zip64);
    lost.writeBigUInt64LE(BigInt(7), body.length + 56 + 8);
    expect(codeOf(lost)).toBe('corrupt');
  });
});

describe('WorkbookInputError', () => {
  test('instanceof works and each code has a Vietnamese and an English line', () => {
    const codes = ['not-found', 'not-a-file', 'not-xlsx', 'legacy-xls', 'encrypted', 'corrupt', 'too-large', 'too-many-entries'] as const;
    for (const code of codes) {
      const e = new WorkbookInputError(code, 'x.xlsx');
      expect(e).toBeInstanceOf(WorkbookInputError);
      expect(e).toBeInstanceOf(Error);
      expect(e.code).toBe(code);
      expect(e.message).toBe(e.messageVi);
      expect(e.messageVi).toContain('"x.xlsx"');
      expect(e.messageEn).toContain('"x.xlsx"');
      expect(e.messageVi).not.toBe(e.messageEn);
      expect(e.messageVi).not.toContain('\n');
    }
    expect(new WorkbookInputError('not-found', 'x.xlsx').messageVi).toBe('Không tìm thấy tệp "x.xlsx".');
    expect(new WorkbookInputError('legacy-xls', 'x.xls').messageVi).toBe('Tệp "x.xls" là định dạng Excel 97-2003 (.xls); hãy lưu lại thành .xlsx.');
    expect(new WorkbookInputError('too-many-entries', 'x.xlsx', { entries: 20000, limitEntries: 10000 }).messageVi).toContain('20000');
  });
});
