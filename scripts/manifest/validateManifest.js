'use strict';
/**
 * Offline validation of manifest.xml. `office-addin-manifest validate` posts the manifest to an
 * online service these machines cannot reach, so instead:
 *  1. the schema: Microsoft's published XSD set (schemas/office-addin-manifest, with its README),
 *     through libxml2 compiled to WebAssembly (xmllint-wasm): no network, no native install;
 *  2. what the schema cannot check: every resid is defined, in the kind of resource its element
 *     needs (a Label a short string, a SourceLocation a URL…), and every id is at most 32
 *     characters; every URL is https; every <FunctionName> has an Office.actions.associate in
 *     the commands sources (src/commands, or options.commandSourceDir). XML comments are ignored.
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

/** Function names passed to Office.actions.associate in the commands sources. */
function associatedFunctions(commandSourceDir) {
  const names = new Set();
  if (!fs.existsSync(commandSourceDir)) return names;
  for (const f of fs.readdirSync(commandSourceDir)) {
    if (!/\.(ts|js)$/.test(f)) continue;
    // Comments out, so that a commented-out associate does not count.
    const text = fs
      .readFileSync(path.join(commandSourceDir, f), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:\\])\/\/.*$/gm, '$1');
    const re = /Office\.actions\.associate\(\s*(['"])([^'"]+)\1/g;
    let m;
    while ((m = re.exec(text)) !== null) names.add(m[2]);
  }
  return names;
}

/** The text with its <!-- comments --> blanked out (newlines kept, so line numbers still hold). */
function withoutComments(xmlText) {
  return xmlText.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
}

/** Which kind of resource each referring element needs (what Office checks when it loads the manifest). */
const RESOURCE_KIND_OF = {
  'bt:Image': 'Images',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
};

function ruleErrors(rawXmlText, options) {
  options = Object.assign({ commandSourceDir: path.join(ROOT, 'src', 'commands') }, options || {});
  const xmlText = withoutComments(rawXmlText);
  const errors = [];
  // Resources: ids of bt:Image, bt:Url and bt:String (short and long strings), and their kind.
  const defined = new Map();
  const sectionRe = /<bt:(Images|Urls|ShortStrings|LongStrings)>([\s\S]*?)<\/bt:\1>/g;
  let m;
  while ((m = sectionRe.exec(xmlText)) !== null) {
    const kind = m[1];
    const bodyStart = m.index + m[0].indexOf('>') + 1;
    const idRe = /<bt:(?:Image|Url|String)\s[^>]*\bid="([^"]*)"/g;
    let d;
    while ((d = idRe.exec(m[2])) !== null) {
      const id = d[1];
      const line = lineOf(xmlText, bodyStart + d.index);
      if (defined.has(id)) errors.push(`line ${line}: resource id "${id}" is defined twice`);
      defined.set(id, kind);
      if (id.length > MAX_RESID) errors.push(`line ${line}: resource id "${id}" is ${id.length} characters, more than ${MAX_RESID}`);
    }
  }
  const refRe = /<((?:\w+:)?\w+)\s[^>]*\bresid="([^"]*)"/g;
  while ((m = refRe.exec(xmlText)) !== null) {
    const [, element, id] = m;
    const line = lineOf(xmlText, m.index);
    if (id.length > MAX_RESID) errors.push(`line ${line}: resid "${id}" is longer than ${MAX_RESID} characters`);
    if (!defined.has(id)) {
      errors.push(`line ${line}: resid "${id}" is not defined in <Resources>`);
      continue;
    }
    const wanted = RESOURCE_KIND_OF[element];
    if (wanted && defined.get(id) !== wanted) errors.push(`line ${line}: <${element} resid="${id}"> needs a resource in bt:${wanted}, but "${id}" is in bt:${defined.get(id)}`);
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
    if (!associated.has(m[1]))
      errors.push(
        `line ${lineOf(xmlText, m.index)}: FunctionName "${m[1]}" has no Office.actions.associate('${m[1]}', …) in ${path.relative(ROOT, options.commandSourceDir) || options.commandSourceDir}`,
      );
  }
  return errors;
}

/** { schemaErrors, ruleErrors }: both empty for a manifest Office will accept. */
async function validateManifest(xmlText, options) {
  return { schemaErrors: await schemaErrors(xmlText), ruleErrors: ruleErrors(xmlText, options) };
}

module.exports = { validateManifest, ruleErrors, MAX_RESID };
