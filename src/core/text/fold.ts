// TEMPORARY stand-in until the text module lands (same API).
const VOWELS: { [base: string]: string } = {
  a: 'àáảãạăằắẳẵặâầấẩẫậ',
  e: 'èéẻẽẹêềếểễệ',
  i: 'ìíỉĩị',
  o: 'òóỏõọôồốổỗộơờớởỡợ',
  u: 'ùúủũụưừứửữự',
  y: 'ỳýỷỹỵ',
  d: 'đ',
};
const TABLE: { [ch: string]: string } = {};
for (const base in VOWELS) {
  const s = VOWELS[base];
  for (let i = 0; i < s.length; i++) TABLE[s.charAt(i)] = base;
}
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower.charAt(i);
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += TABLE[ch] || ch;
  }
  return out.replace(/[\s\u00a0]+/g, ' ').replace(/^ | $/g, '');
}
export function toNfc(s: string): string {
  const n = (String.prototype as any).normalize;
  return n ? n.call(s, 'NFC') : s;
}
