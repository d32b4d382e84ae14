import JSZip from 'jszip';
import { parseRange } from '../../src/core/address';
import { cellAt, WorkbookGrid } from '../../src/core/grid';
import { CHART_NAME } from '../../src/core/plan';
import { xmlDecode } from '../../src/xlsx/patch/xmlText';

/**
 * Reading a tool sheet's chart back from an .xlsx as a viewer finds it: the workbook names the sheet's
 * part, the sheet's relationships its drawing, the drawing's its chart; the chart's formulas name cells
 * of the workbook, its caches hold what it draws. Plain regular expressions on the parts' text, so what
 * is checked is the file, not the writer's own reading of it.
 */

export async function partText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error('no part ' + name);
  return file.async('string');
}

function resolve(folder: string, target: string): string {
  const out: string[] = [];
  for (const p of (target.charAt(0) === '/' ? target.slice(1) : folder + target).split('/'))
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  return out.join('/');
}

export function relsNameOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return part.slice(0, slash + 1) + '_rels/' + part.slice(slash + 1) + '.rels';
}

/** The internal targets of `part`'s relationships of a kind ("drawing", "chart", "worksheet"), resolved. */
export async function relTargets(zip: JSZip, part: string, kind: string): Promise<Array<{ id: string; target: string }>> {
  const file = zip.file(relsNameOf(part));
  if (!file) return [];
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const out: Array<{ id: string; target: string }> = [];
  for (const m of (await file.async('string')).matchAll(/<Relationship\b[^>]*\/>/g)) {
    const type = /Type="([^"]*)"/.exec(m[0])![1];
    if (type.slice(type.lastIndexOf('/') + 1) !== kind || /TargetMode="External"/.test(m[0])) continue;
    out.push({ id: /Id="([^"]*)"/.exec(m[0])![1], target: resolve(folder, xmlDecode(/Target="([^"]*)"/.exec(m[0])![1])) });
  }
  return out;
}

/** The worksheet part of a sheet, by its name in workbook.xml. */
export async function sheetPartOf(zip: JSZip, sheetName: string): Promise<string> {
  const wb = await partText(zip, 'xl/workbook.xml');
  const tag = (wb.match(/<(?:\w+:)?sheet\b[^>]*\/>/g) || []).find((t) => xmlDecode(/\sname="([^"]*)"/.exec(t)![1]) === sheetName);
  if (!tag) throw new Error('no sheet ' + sheetName);
  const id = /\s[\w]+:id="([^"]*)"/.exec(tag)![1];
  const rel = (await relTargets(zip, 'xl/workbook.xml', 'worksheet')).find((r) => r.id === id);
  if (!rel) throw new Error('no worksheet part for ' + sheetName);
  return rel.target;
}

export interface SheetChartParts {
  sheetPart: string;
  sheetXml: string;
  drawingPart: string;
  drawingXml: string;
  chartPart: string;
  chartXml: string;
}

/** The sheet's one drawing (through its <drawing r:id>) and the drawing's one chart. */
export async function chartOfSheet(zip: JSZip, sheetName: string): Promise<SheetChartParts> {
  const sheetPart = await sheetPartOf(zip, sheetName);
  const sheetXml = await partText(zip, sheetPart);
  const drawingTag = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml);
  if (!drawingTag) throw new Error(sheetName + ' names no drawing');
  const drawing = (await relTargets(zip, sheetPart, 'drawing')).find((r) => r.id === drawingTag[1]);
  if (!drawing) throw new Error(sheetName + ': no drawing relationship ' + drawingTag[1]);
  const drawingXml = await partText(zip, drawing.target);
  const frame = /<c:chart [^>]*r:id="([^"]+)"/.exec(drawingXml);
  if (!frame) throw new Error(drawing.target + ' holds no chart');
  const chart = (await relTargets(zip, drawing.target, 'chart')).find((r) => r.id === frame[1]);
  if (!chart) throw new Error(drawing.target + ': no chart relationship ' + frame[1]);
  return { sheetPart, sheetXml, drawingPart: drawing.target, drawingXml, chartPart: chart.target, chartXml: await partText(zip, chart.target) };
}

export interface SeriesRead {
  nameRef: string;
  name: string;
  categoriesRef: string;
  categories: string[];
  valuesRef: string;
  /** By point index; undefined: no point cached (a blank cell). */
  values: Array<number | undefined>;
  pointCount: number;
}

function cachePoints(xml: string): { count: number; points: string[] } {
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)![1]);
  const points: string[] = [];
  for (const m of xml.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>\s*<\/c:pt>/g)) points[Number(m[1])] = xmlDecode(m[2]);
  return { count, points };
}

/** Every <c:ser> of a chart part: its formulas and caches. */
export function seriesOf(chartXml: string): SeriesRead[] {
  return Array.from(chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)).map((m) => {
    const ser = m[1];
    const tx = /<c:tx>\s*<c:strRef>\s*<c:f>([^<]*)<\/c:f>([\s\S]*?)<\/c:strRef>/.exec(ser)!;
    const cat = /<c:cat>\s*<c:strRef>\s*<c:f>([^<]*)<\/c:f>([\s\S]*?)<\/c:strRef>/.exec(ser)!;
    const val = /<c:val>\s*<c:numRef>\s*<c:f>([^<]*)<\/c:f>([\s\S]*?)<\/c:numRef>/.exec(ser)!;
    const cats = cachePoints(cat[2]);
    const vals = cachePoints(val[2]);
    const values: Array<number | undefined> = [];
    for (let i = 0; i < vals.count; i++) values.push(vals.points[i] === undefined ? undefined : Number(vals.points[i]));
    return {
      nameRef: xmlDecode(tx[1]),
      name: cachePoints(tx[2]).points[0],
      categoriesRef: xmlDecode(cat[1]),
      categories: Array.from({ length: cats.count }, (_, i) => cats.points[i]),
      valuesRef: xmlDecode(val[1]),
      values,
      pointCount: vals.count,
    };
  });
}

/** "'Tổng hợp điểm'!$C$21:$C$28" → the sheet and the 0-based rectangle. */
export function parseReference(ref: string): { sheet: string; top: number; left: number; bottom: number; right: number } {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) || /^([^'!]+)!(.+)$/.exec(ref);
  if (!m) throw new Error('not a sheet reference: ' + ref);
  const range = parseRange(m[2]);
  if (!range) throw new Error('not a range: ' + ref);
  return { sheet: m[1].replace(/''/g, "'"), ...range };
}

/** The values of a one-column reference's cells, as read back from the workbook (null: an empty cell). */
export function cellsAt(grid: WorkbookGrid, ref: string): Array<string | number | boolean | null> {
  const r = parseReference(ref);
  const sheet = grid.sheets.find((s) => s.name === r.sheet);
  if (!sheet) throw new Error('no sheet ' + r.sheet);
  const out: Array<string | number | boolean | null> = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const cell = cellAt(sheet, row, col);
      out.push(cell ? (cell.value as string | number | boolean | null) : null);
    }
  return out;
}

/** The drawing's anchor as from/to cells (0-based, the `to` cell exclusive when its offsets are 0). */
export function anchorOf(drawingXml: string): { from: { col: number; row: number; colOff: number; rowOff: number }; to: { col: number; row: number; colOff: number; rowOff: number } } {
  const marker = (tag: string) => {
    const m = new RegExp('<xdr:' + tag + '>\\s*<xdr:col>(\\d+)</xdr:col>\\s*<xdr:colOff>(-?\\d+)</xdr:colOff>\\s*<xdr:row>(\\d+)</xdr:row>\\s*<xdr:rowOff>(-?\\d+)</xdr:rowOff>').exec(drawingXml);
    if (!m) throw new Error('no <xdr:' + tag + '>');
    return { col: Number(m[1]), colOff: Number(m[2]), row: Number(m[3]), rowOff: Number(m[4]) };
  };
  return { from: marker('from'), to: marker('to') };
}

/** Whether a drawing part holds the tool's chart frame. */
export function isToolDrawingXml(xml: string): boolean {
  return new RegExp('<xdr:cNvPr [^>]*name="' + CHART_NAME + '"').test(xml);
}

/** Part names of a package matching a pattern, sorted. */
export function partNames(zip: JSZip, rx: RegExp): string[] {
  return Object.keys(zip.files)
    .filter((k) => !zip.files[k].dir && rx.test(k))
    .sort();
}

/** Every part some relationships part of the package points at (internal targets, resolved). */
export async function referencedParts(zip: JSZip): Promise<Set<string>> {
  const out = new Set<string>();
  for (const rels of partNames(zip, /(^|\/)_rels\/[^/]*\.rels$/)) {
    const owner = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const folder = owner === '' || rels === '_rels/.rels' ? '' : owner.slice(0, owner.lastIndexOf('/') + 1);
    for (const m of (await partText(zip, rels)).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      out.add(resolve(folder, xmlDecode(/Target="([^"]*)"/.exec(m[0])![1])));
    }
  }
  return out;
}
