// TEMPORARY stand-in until the text module lands (same API).
export type LegacyEncoding = 'tcvn3' | 'vni';
export function encodingFromFont(font: string | undefined | null): LegacyEncoding | null {
  if (!font) return null;
  if (/^\.vn/i.test(font)) return 'tcvn3';
  if (/^vni[- ]/i.test(font)) return 'vni';
  return null;
}
export function decodeTcvn3(s: string): string { return s; }
export function decodeVni(s: string): string { return s; }
export function decodeLegacy(s: string, encoding: LegacyEncoding, _font?: string | null): string { return encoding === 'tcvn3' ? decodeTcvn3(s) : decodeVni(s); }
export function encodeTcvn3(s: string): string { return s; }
export function encodeVni(s: string): string { return s; }
export function guessLegacyEncoding(s: string): LegacyEncoding | null { return s ? null : null; }
