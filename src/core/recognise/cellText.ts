import { GridCell } from '../grid';
import { cellText } from '../number/readCell';
import { decodeLegacy, encodingFromFont, guessLegacyEncoding, LegacyEncoding } from '../text/legacyEncodings';
import { toNfc } from '../text/fold';

/**
 * The Unicode text of a cell as a person reads it on screen: TCVN3 and VNI text (stored as
 * Latin-1 look-alikes and shown through ".VnTime" or "VNI-Times" fonts) is decoded, by the font
 * where the host reports it and by the characters otherwise.
 */
const COMBINING = /[\u0300-\u036f]/;
const LATIN1 = /[\u0080-\u00ff]/;
// Letters only Unicode Vietnamese uses (not the cp1252 look-alikes legacy text is stored as).
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

export function displayText(cell: GridCell | null | undefined): string {
  const raw = cellText(cell);
  if (raw === '') return raw;
  const encoding = legacyEncodingOf(cell, raw);
  const text = encoding ? decodeLegacy(raw, encoding, cell ? cell.font : null) : raw;
  // Only combining marks make composing necessary; most cells are already NFC.
  return COMBINING.test(text) ? toNfc(text) : text;
}

function legacyEncodingOf(cell: GridCell | null | undefined, raw: string): LegacyEncoding | null {
  if (!LATIN1.test(raw)) return null; // plain ASCII reads the same in every encoding
  if (UNICODE_VIETNAMESE.test(raw)) return null; // ă, ơ, ư, đ, ạ…: only real Unicode text has these
  const byFont = cell ? encodingFromFont(cell.font) : null;
  if (byFont) return byFont;
  return guessLegacyEncoding(raw);
}
