import { bad } from './malformed';
import { EV_END, EV_OPEN, Scanner, xmlDecode } from './xmlScanner';

/** One <sheet> of xl/workbook.xml. */
export interface SheetDef {
  name: string | undefined;
  id: number;
  rId: string | undefined;
}

/** xl/workbook.xml: the sheets in workbook order, and whether dates count from 1904. */
export function parseWorkbookXml(xml: string): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  let sawRoot = false;
  const s = new Scanner(xml);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev !== EV_OPEN) continue;
    sawRoot = true;
    if (s.tag() === 'sheet') {
      const a = s.attrs();
      sheets.push({ name: a.name === undefined ? undefined : xmlDecode(a.name), id: parseInt(a.sheetId, 10), rId: a['r:id'] });
    } else if (s.tag() === 'workbookPr') {
      date1904 = s.attrs().date1904 === '1';
    }
  }
  if (!sawRoot) bad('workbook part is empty');
  return { sheets, date1904 };
}

/** ExcelJS's Worksheet name setter checks (a name it refuses makes the load fail). */
export function checkSheetName(name: string, taken: string[]): string {
  if (name === '') bad("sheet name can't be empty");
  if (name === 'History') bad('sheet name "History" is reserved');
  if (/[*?:/\\[\]]/.test(name)) bad('sheet name with an illegal character');
  if (/(^')|('$)/.test(name)) bad('sheet name starting or ending with a quote');
  // ExcelJS 4.4 truncates a long name and then finds the truncated sheet "already exists".
  if (name.length > 31) bad('sheet name longer than 31 characters');
  const lower = name.toLowerCase();
  for (const t of taken) if (t.toLowerCase() === lower) bad('duplicate sheet name');
  return name;
}
