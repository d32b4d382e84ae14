'use strict';
/**
 * Offline validation of manifest.xml. `office-addin-manifest validate` posts the manifest to an
 * online service these machines cannot reach, so instead:
 *  1. the schema: Microsoft's published XSD set (schemas/office-addin-manifest, with its README),
 *     through libxml2 compiled to WebAssembly (xmllint-wasm): no network, no native install;
 *  2. what the schema cannot check: every resid is defined and every defined id is at most
 *     32 characters; every URL is https; every <FunctionName> has an Office.actions.associate
 *     in the commands sources.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_DIR = path.join(ROOT, 'schemas', 'office-addin-manifest');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const MAX_RESID = 32;

async function schemaErrors(xmlText) {
  const { validateXML } = require('xmllint-wasm');
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const preload = files.filter((f) => f !== MAIN_SCHEMA).map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xmlText }],
    schema: [{ fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(SCHEMA_DIR, MAIN_SCHEMA), 'utf8') }],
    preload,
  });
  if (result.valid) return [];
  const errors = result.errors.map((e) => (e.loc ? 'line ' + e.loc.lineNumber + ': ' : '') + String(e.message).trim());
  return errors.length ? errors : [String(result.rawOutput || 'invalid').trim()];
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

function attributeValues(xmlText, attribute) {
  const out = [];
  const re = new RegExp('\\s' + attribute + '="([^"]*)"', 'g');
  let m;
  while ((m = re.exec(xmlText)) !== null) out.push({ value: m[1], line: lineOf(xmlText, m.index) });
  return out;
}

/** Function names passed to Office.actions.associate in the commands sources. */
function associatedFunctions(commandSourceDir) {
  const names = new Set();
  if (!fs.existsSync(commandSourceDir)) return names;
  for (const f of fs.readdirSync(commandSourceDir)) {
    if (!/\.(ts|js)$/.test(f)) continue;
    const text = fs.readFileSync(path.join(commandSourceDir, f), 'utf8');
    const re = /Office\.actions\.associate\(\s*(['"])([^'"]+)\1/g;
    let m;
    while ((m = re.exec(text)) !== null) names.add(m[2]);
  }
  return names;
}

function ruleErrors(xmlText, options) {
  const errors = [];
  // Resources: ids of bt:Image, bt:Url and bt:String (short and long strings).
  const defined = new Map();
  const idRe = /<bt:(Image|Url|String)\s[^>]*\bid="([^"]*)"/g;
  let m;
  while ((m = idRe.exec(xmlText)) !== null) {
    const line = lineOf(xmlText, m.index);
    if (defined.has(m[2])) errors.push(`line ${line}: resource id "${m[2]}" is defined twice`);
    defined.set(m[2], line);
    if (m[2].length > MAX_RESID) errors.push(`line ${line}: resource id "${m[2]}" is ${m[2].length} characters, more than ${MAX_RESID}`);
  }
  for (const ref of attributeValues(xmlText, 'resid')) {
    if (!defined.has(ref.value)) errors.push(`line ${ref.line}: resid "${ref.value}" is not defined in <Resources>`);
    if (ref.value.length > MAX_RESID) errors.push(`line ${ref.line}: resid "${ref.value}" is longer than ${MAX_RESID} characters`);
  }
  // URLs: DefaultValue/Value of *Url elements, bt:Url, SourceLocation, bt:Image, and AppDomain.
  const urlRe = /<((?:\w+:)?(?:\w*Url|SourceLocation|Image))\s[^>]*?\b(?:DefaultValue|Value)="([^"]*)"/g;
  while ((m = urlRe.exec(xmlText)) !== null) {
    if (!/^https:\/\//i.test(m[2])) errors.push(`line ${lineOf(xmlText, m.index)}: <${m[1]}> URL "${m[2]}" is not https`);
  }
  const overrideRe = /<(?:bt:)?Override\s[^>]*\bValue="(https?:[^"]*)"/g;
  while ((m = overrideRe.exec(xmlText)) !== null) {
    if (!/^https:\/\//i.test(m[1])) errors.push(`line ${lineOf(xmlText, m.index)}: override URL "${m[1]}" is not https`);
  }
  const domainRe = /<AppDomain>([^<]*)<\/AppDomain>/g;
  while ((m = domainRe.exec(xmlText)) !== null) {
    if (!/^https:\/\//i.test(m[1].trim())) errors.push(`line ${lineOf(xmlText, m.index)}: AppDomain "${m[1].trim()}" is not https`);
  }
  // Every ExecuteFunction's FunctionName is associated in the commands code.
  const associated = associatedFunctions(options.commandSourceDir);
  const fnRe = /<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g;
  while ((m = fnRe.exec(xmlText)) !== null) {
    if (!associated.has(m[1])) errors.push(`line ${lineOf(xmlText, m.index)}: FunctionName "${m[1]}" has no Office.actions.associate('${m[1]}', …) in ${path.relative(ROOT, options.commandSourceDir) || options.commandSourceDir}`);
  }
  return errors;
}

/** { schemaErrors, ruleErrors }: both empty for a manifest Office will accept. */
async function validateManifest(xmlText, options) {
  const opts = Object.assign({ commandSourceDir: path.join(ROOT, 'src', 'commands') }, options || {});
  return { schemaErrors: await schemaErrors(xmlText), ruleErrors: ruleErrors(xmlText, opts) };
}

module.exports = { validateManifest, MAX_RESID };
