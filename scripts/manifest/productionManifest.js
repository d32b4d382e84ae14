'use strict';
/**
 * The production manifest: the same manifest.xml with the development address
 * (https://localhost:3000) replaced by where the add-in is hosted, e.g.
 *   CCHC_PRODUCTION_URL=https://cchc.example.gov.vn/addin npm run build
 *   npm run build:manifest -- --url https://cchc.example.gov.vn/addin
 */
const fs = require('fs');
const path = require('path');

const DEV_BASE = 'https://localhost:3000';

/** Throws, in Vietnamese and English, unless the address is an absolute https URL. */
function checkProductionUrl(url) {
  const text = String(url || '').trim();
  let parsed = null;
  try {
    parsed = new URL(text);
  } catch (e) {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname) {
    throw new Error('Địa chỉ phát hành phải là https://… (Office chỉ nạp add-in qua https) / The production URL must be https://… (Office loads add-ins over https only): "' + text + '"');
  }
  if (parsed.search || parsed.hash) throw new Error('Địa chỉ phát hành không được có ? hoặc # / The production URL must not have a query or fragment: "' + text + '"');
  return text.replace(/\/+$/, '');
}

/** The manifest with every https://localhost:3000 replaced by the production base; an <AppDomain>
 *  is a domain, so it gets only the base's origin (https://host[:port]), never its path. */
function rewriteManifestUrls(xmlText, productionUrl) {
  const base = checkProductionUrl(productionUrl);
  const origin = new URL(base).origin;
  return xmlText
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g, (_, open, close) => open + origin + close)
    .split(DEV_BASE)
    .join(base);
}

module.exports = { rewriteManifestUrls, checkProductionUrl, DEV_BASE };

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--url');
  const url = at >= 0 ? args[at + 1] : process.env.CCHC_PRODUCTION_URL;
  const outAt = args.indexOf('--out');
  const root = path.resolve(__dirname, '..', '..');
  const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(root, 'dist', 'manifest.xml');
  try {
    if (!url) throw new Error('Hãy cho địa chỉ phát hành: --url https://… hoặc biến CCHC_PRODUCTION_URL / Give the production URL: --url https://… or CCHC_PRODUCTION_URL');
    const xml = rewriteManifestUrls(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), url);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, xml);
    console.log(out);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}
