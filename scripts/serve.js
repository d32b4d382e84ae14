#!/usr/bin/env node
/* A small static file server for dist/web (https when given certificates). No dependencies:
 * the add-in needs nothing more than files with the right content types.
 *   node scripts/serve.js [--dir dist/web] [--port 3000] [--http] */
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function handler(dir) {
  const root = path.resolve(dir);
  return (req, res) => {
    let rel;
    try {
      rel = decodeURIComponent((req.url || '/').split('?')[0]);
    } catch (e) {
      res.writeHead(400);
      res.end('bad request');
      return;
    }
    if (rel === '/' || rel === '') rel = '/standalone.html';
    const file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403);
      res.end('forbidden');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Không có / not found: ' + rel);
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  };
}

/** Resolves with the listening server; `tls` = { key, cert } for https, or null for http. */
function startServer({ dir, port, host, tls }) {
  const server = tls ? https.createServer(tls, handler(dir)) : http.createServer(handler(dir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host || 'localhost', () => resolve(server));
  });
}

module.exports = { startServer, handler };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const dir = opt('--dir', path.resolve(__dirname, '../dist/web'));
  const port = Number(opt('--port', '3000'));
  startServer({ dir, port, tls: null }).then(
    () => console.log('http://localhost:' + port + '/ (' + dir + ')'),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
