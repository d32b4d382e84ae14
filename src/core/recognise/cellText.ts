import { GridCell } from '../grid';
import { cellText } from '../number/readCell';
import { decodeLegacy, encodingFromFont, guessLegacyEncoding, LegacyEncoding } from '../text/legacyEncodings';
import { toNfc } from '../text/fold';

/**
 * The Unicode text of a cell as a person reads it on screen: TCVN3 and VNI text (stored as
 * Latin-1 look-alikes and shown through ".VnTime" or "VNI-Times" fonts) is decoded, by the font
 * where the host reports it and by the characters otherwise.
 */
export function displayText(cell: GridCell | null | undefined): string {
  const raw = cellText(cell);
  if (raw === '') return raw;
  const encoding = legacyEncodingOf(cell, raw);
  return toNfc(encoding ? decodeLegacy(raw, encoding, cell ? cell.font : null) : raw);
}

function legacyEncodingOf(cell: GridCell | null | undefined, raw: string): LegacyEncoding | null {
  if (!/[\u0080-\u00ff]/.test(raw)) return null; // plain ASCII reads the same in every encoding
  const byFont = cell ? encodingFromFont(cell.font) : null;
  if (byFont) return byFont;
  return guessLegacyEncoding(raw);
}
