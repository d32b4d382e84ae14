#!/usr/bin/env node
'use strict';
/* `npm run validate:manifest [file]`: schema and rule checks of manifest.xml, offline. Exit 1 on any error. */
const fs = require('fs');
const path = require('path');
const { validateManifest } = require('./validateManifest');

const file = process.argv[2] || path.join(__dirname, '..', '..', 'manifest.xml');
validateManifest(fs.readFileSync(file, 'utf8')).then(
  (r) => {
    const all = r.schemaErrors.map((e) => 'schema: ' + e).concat(r.ruleErrors.map((e) => 'rule: ' + e));
    if (all.length === 0) {
      console.log(path.basename(file) + ': hợp lệ / valid (XSD ' + 'OfficeAppManifestV1_1 + rules)');
      return;
    }
    for (const line of all) console.error(line);
    process.exit(1);
  },
  (error) => {
    console.error('Không kiểm tra được manifest / could not validate: ' + (error && error.message ? error.message : error));
    process.exit(2);
  },
);
