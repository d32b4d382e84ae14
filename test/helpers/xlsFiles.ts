import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';

/**
 * Real Excel 97-2003 files for the tests: LibreOffice Calc (Debian's, installed by .ci/run) converts
 * the .xlsx workbooks the tests build to .xls, and the .xls back to .xlsx (its own reading of the
 * .xls, the reference the converter is compared with). Headless, a private profile per call, its own
 * process group killed on timeout.
 */

/** Whether a program is on the PATH (poppler's pdftotext, for the printed-paper tests). */
export function hasProgram(program: string): boolean {
  try {
    execFileSync('which', [program], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return false;
  }
}

export function findSoffice(): string | null {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * A fresh LibreOffice profile. LibreOffice keeps an .xlsx's cached formula results by default (and
 * writes a string result it did not compute as 0 into an .xls); with `recalculate`, OOXMLRecalcMode
 * = 0 ("always") makes it recalculate on load. Returns the profile's file:// URL.
 */
export function libreOfficeProfile(dir: string, recalculate: boolean): string {
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  if (recalculate) {
    fs.writeFileSync(
      path.join(dir, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
        '</oor:items>\n',
    );
  }
  return 'file://' + dir;
}

/**
 * `soffice --headless --convert-to FILTER --outdir OUT FILES` with a private profile, in its own
 * process group (a hung soffice.bin started by the soffice script is killed with it) and a timeout.
 * Resolves once LibreOffice exited 0; rejects with its output otherwise.
 */
export function runLibreOffice(soffice: string, profileUrl: string, filter: string, outDir: string, files: string[], timeoutMs: number): Promise<void> {
  const args = ['-env:UserInstallation=' + profileUrl, '--headless', '--norestore', '--nologo', '--convert-to', filter, '--outdir', outDir].concat(files);
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const kill = () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch (e) {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill();
      reject(new Error('LibreOffice did not finish in ' + timeoutMs + ' ms: ' + output));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      kill();
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      kill();
      if (code !== 0) reject(new Error('LibreOffice exited with ' + code + ': ' + output));
      else resolve();
    });
  });
}

/** Converts every file to `format` in one LibreOffice run; returns the output paths in order. */
export async function libreOfficeConvert(soffice: string, files: string[], format: 'xls' | 'xlsx', outDir: string, timeoutMs: number, options: { recalculate?: boolean } = {}): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(outDir, 'profile-'));
  const filter = format === 'xls' ? 'xls:MS Excel 97' : 'xlsx:Calc MS Excel 2007 XML';
  const outputs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, '') + '.' + format));
  try {
    await runLibreOffice(soffice, libreOfficeProfile(profile, !!options.recalculate), filter, outDir, files, timeoutMs);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const missing = outputs.filter((o) => !fs.existsSync(o));
  if (missing.length) throw new Error('LibreOffice wrote no ' + missing.join(', '));
  return outputs;
}

// ---------------------------------------------------------------------------------------------
// Hand-made BIFF8 edits for the hostile cases: the workbook stream of a real .xls, records added
// or bytes changed, put back into an OLE2 container with SheetJS's CFB writer.

export function record(type: number, body: number[]): number[] {
  return [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8].concat(body);
}

export function le16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}

/** Offset just after the first record of the stream (the globals' BOF). */
export function afterFirstRecord(stream: Uint8Array): number {
  return 4 + (stream[2] | (stream[3] << 8));
}

/** The "Workbook" stream of an .xls. */
export function workbookStream(xls: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  if (!entry) throw new Error('no Workbook stream');
  return Uint8Array.from(entry.content as ArrayLike<number>);
}

/** The same .xls with its "Workbook" stream replaced. */
export function withWorkbookStream(xls: Uint8Array, stream: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: 'array' });
  XLSX.CFB.utils.cfb_add(cfb, 'Workbook', stream);
  return Uint8Array.from(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** Inserts raw records at `at` (a record boundary), moving the sheets' offsets (BOUNDSHEET) after it. */
export function insertRecords(stream: Uint8Array, at: number, records: number[]): Uint8Array {
  const out = new Uint8Array(stream.length + records.length);
  out.set(stream.subarray(0, at), 0);
  out.set(records, at);
  out.set(stream.subarray(at), at + records.length);
  const view = new DataView(out.buffer);
  for (const pos of recordOffsets(out, 0x0085)) {
    const offset = view.getUint32(pos + 4, true);
    if (offset >= at) view.setUint32(pos + 4, offset + records.length, true);
  }
  return out;
}

/** Offset of the first record of `type` after `from`. */
export function firstRecord(stream: Uint8Array, type: number, from = 0): number {
  const all = recordOffsets(stream, type).filter((p) => p >= from);
  if (!all.length) throw new Error('no record ' + type.toString(16));
  return all[0];
}

/** Offsets of every record of `type` in the stream. */
export function recordOffsets(stream: Uint8Array, type: number): number[] {
  const out: number[] = [];
  for (let pos = 0; pos + 4 <= stream.length;) {
    const t = stream[pos] | (stream[pos + 1] << 8);
    const size = stream[pos + 2] | (stream[pos + 3] << 8);
    if (t === type) out.push(pos);
    pos += 4 + size;
  }
  return out;
}
