#!/usr/bin/env node
/* `npm start`: build, serve the add-in over https on localhost, print how to sideload it in
 * Excel (Windows, Mac, the web) and the standalone page's URL; sideload into Excel desktop when
 * it is installed here (Windows/Mac), through the pinned office-addin-debugging in node_modules.
 * `--watch`: a development build, rebuilt on every save (scripts/watch.js), served as it changes.
 * `npm stop` (scripts/stop.js) stops it from another terminal and removes the sideload.
 *   node scripts/start.js [--no-build | --watch] [--port 3000] [--http] [--no-sideload] */
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { build } = require('./build');
const { startServer } = require('./serve');
const { clearRunning, writeRunning } = require('./running');

const ROOT = path.resolve(__dirname, '..');
const WEB = path.join(ROOT, 'dist/web');
const args = process.argv.slice(2);

function option(name, dflt) {
  const i = args.indexOf(name);
  if (i >= 0 && args[i + 1]) return args[i + 1];
  const eq = args.find((a) => a.startsWith(name + '='));
  return eq ? eq.slice(name.length + 1) : dflt;
}

const say = (vi, en) => console.log(vi + (en ? '\n  ' + en : ''));
const warn = (vi, en) => console.warn('! ' + vi + (en ? '\n  ' + en : ''));

function withTimeout(promise, ms, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(what + ': timed out after ' + ms / 1000 + ' s')), ms).unref())]);
}

/** Trusted dev certificates (office-addin-dev-certs), else untrusted ones, else a self-signed pair from openssl, else null (http). */
async function certificates() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch (e) {
    devCerts = null;
  }
  if (devCerts) {
    try {
      // Installs the CA into the system store on first use (may ask for an administrator password).
      const o = await withTimeout(devCerts.getHttpsServerOptions(), process.stdin.isTTY ? 180000 : 30000, 'office-addin-dev-certs');
      return { key: o.key, cert: o.cert, trusted: true };
    } catch (e) {
      warn('Không cài được chứng chỉ phát triển vào kho tin cậy của máy (' + firstLine(e) + ').', 'Could not install the development certificates into the trusted store (' + firstLine(e) + ').');
    }
    try {
      // The same certificates, only not trusted: browsers warn once; Excel on Windows/Mac needs them trusted.
      const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
      const d = require('office-addin-dev-certs/lib/defaults');
      if (!fs.existsSync(d.localhostCertificatePath) || !fs.existsSync(d.localhostKeyPath)) await generateCertificates();
      return { key: fs.readFileSync(d.localhostKeyPath), cert: fs.readFileSync(d.localhostCertificatePath), trusted: false, where: d.certificateDirectory };
    } catch (e) {
      warn('Không tạo được chứng chỉ bằng office-addin-dev-certs.', 'office-addin-dev-certs could not generate certificates: ' + firstLine(e));
    }
  }
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cert-'));
    const key = path.join(dir, 'localhost.key');
    const cert = path.join(dir, 'localhost.crt');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), trusted: false, where: dir };
  } catch (e) {
    warn('Không có openssl để tạo chứng chỉ tự ký.', 'openssl is not available to make a self-signed certificate.');
  }
  return null;
}

function firstLine(e) {
  return String((e && e.message) || e)
    .split('\n')[0]
    .slice(0, 160);
}

function excelDesktop() {
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    for (const r of roots)
      for (const v of ['root\\Office16', 'Office16', 'root\\Office15']) {
        const exe = path.join(r, 'Microsoft Office', v, 'EXCEL.EXE');
        if (fs.existsSync(exe)) return exe;
      }
  }
  if (process.platform === 'darwin' && fs.existsSync('/Applications/Microsoft Excel.app')) return '/Applications/Microsoft Excel.app';
  return null;
}

function printSteps(base, secure) {
  const manifest = path.join(ROOT, 'manifest.xml');
  const line = '─'.repeat(72);
  console.log('\n' + line);
  say('CCHC đang chạy tại ' + base, 'CCHC is served at ' + base);
  console.log('');
  say('▶ Chế độ trình duyệt (không cần Excel) — mở trang này, tệp mẫu hiện ngay:', '▶ Standalone mode (no Excel needed) — open this page; the sample opens at once:');
  console.log('\n      ' + base + 'standalone.html\n');
  say('Nạp add-in vào Excel (sideload) — Load the add-in into Excel:');
  say(
    '• Windows: cách 1 — trên máy có Excel, trong thư mục dự án chạy `npx office-addin-debugging start manifest.xml desktop --app excel`;\n' +
      '  cách 2 — chia sẻ một thư mục chứa manifest.xml, thêm đường dẫn \\\\máy\\thư-mục vào Excel > Tệp > Tùy chọn > Trung tâm tin cậy >\n' +
      '  Cài đặt Trung tâm tin cậy > Danh mục Add-in tin cậy (đánh dấu "Hiện trong menu"), khởi động lại Excel, rồi Trang đầu/Chèn > Add-in > Thư mục dùng chung.',
    '• Windows: either run `npx office-addin-debugging start manifest.xml desktop --app excel` in the project folder on a machine with Excel,\n' +
      '  or share a folder holding manifest.xml, add its \\\\machine\\folder path under File > Options > Trust Center > Trust Center Settings >\n' +
      '  Trusted Add-in Catalogs ("Show in Menu"), restart Excel, then Home/Insert > Add-ins > Shared Folder.',
  );
  say(
    '• Mac: chép manifest.xml vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef (tạo thư mục nếu chưa có),\n  mở lại Excel, rồi Chèn > Add-in > Add-in của tôi.',
    '• Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef (create it if missing),\n  restart Excel, then Insert > Add-ins > My Add-ins.',
  );
  say(
    '• Excel trên web: mở một sổ làm việc, Chèn > Add-in > Quản lý add-in của tôi > Tải lên add-in của tôi, chọn manifest.xml.',
    '• Excel on the web: open a workbook, Insert > Add-ins > Manage My Add-ins > Upload My Add-in, choose manifest.xml.',
  );
  say('  manifest: ' + manifest);
  if (base !== 'https://localhost:3000/') {
    warn(
      'manifest.xml trỏ tới https://localhost:3000/; với cổng/giao thức khác, Excel không tìm thấy add-in (chế độ trình duyệt vẫn chạy).',
      'manifest.xml points to https://localhost:3000/; on another port or protocol Excel will not find the add-in (standalone mode still works).',
    );
  }
  if (!secure) {
    warn('Đang phục vụ bằng http (không mã hóa): Excel chỉ nạp add-in qua https.', 'Serving plain http (unencrypted): Excel only loads add-ins over https.');
  }
  console.log(line);
  say('Nhấn Ctrl+C (hoặc chạy `npm stop` ở cửa sổ khác) để dừng.', 'Press Ctrl+C (or run `npm stop` in another terminal) to stop.');
}

async function main() {
  const port = Number(option('--port', process.env.PORT || '3000'));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    warn('Cổng không hợp lệ: ' + option('--port'), 'Invalid port');
    process.exit(2);
  }
  let watching = null;
  if (args.includes('--watch')) {
    say('Đang biên dịch (webpack, development) và theo dõi thay đổi…', 'Building (webpack, development) and watching for changes…');
    watching = await require('./watch').watch({ mode: 'development' });
  } else if (!args.includes('--no-build')) {
    say('Đang biên dịch (webpack, production)…', 'Building (webpack, production)…');
    build('production');
  } else if (!fs.existsSync(path.join(WEB, 'taskpane.html'))) {
    warn('Chưa có dist/web: hãy bỏ --no-build.', 'dist/web is missing: run without --no-build.');
    process.exit(2);
  }

  let tls = args.includes('--http') ? null : await certificates();
  if (tls && !tls.trusted) {
    warn(
      'Chứng chỉ chưa được máy tin cậy' +
        (tls.where ? ' (' + tls.where + ')' : '') +
        ': trình duyệt sẽ cảnh báo một lần, hãy chọn "Tiếp tục"; Excel cần chứng chỉ tin cậy (chạy `npx office-addin-dev-certs install` với quyền quản trị).',
      'The certificate is not trusted' +
        (tls.where ? ' (' + tls.where + ')' : '') +
        ': the browser warns once, choose "Proceed"; Excel needs it trusted (run `npx office-addin-dev-certs install` as administrator).',
    );
  }
  let server;
  try {
    server = await startServer({ dir: WEB, port, host: 'localhost', tls });
  } catch (e) {
    warn('Không mở được cổng ' + port + ' (' + firstLine(e) + '); thử `npm start -- --port 3001`.', 'Cannot listen on port ' + port + ' (' + firstLine(e) + '); try `npm start -- --port 3001`.');
    process.exit(1);
  }
  const base = (tls ? 'https' : 'http') + '://localhost:' + port + '/';
  printSteps(base, !!tls);

  const excel = excelDesktop();
  let sideloaded = false;
  if (excel && !args.includes('--no-sideload')) {
    const cli = officeAddinDebugging();
    if (!cli) {
      warn(
        'Chưa cài office-addin-debugging (chạy lại `npm ci`): hãy nạp add-in theo các bước ở trên.',
        'office-addin-debugging is not installed (run `npm ci` again): sideload the add-in with the steps above.',
      );
    } else {
      say('Tìm thấy Excel (' + excel + '): đang nạp add-in…', 'Excel found (' + excel + '): sideloading the add-in…');
      sideloaded = true;
      const child = spawn(process.execPath, [cli, 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', String(port)], { cwd: ROOT, stdio: 'inherit' });
      child.on('exit', (code) => {
        if (code) warn('Nạp tự động không thành công; hãy làm theo các bước ở trên.', 'Automatic sideload failed; follow the steps above.');
      });
    }
  }
  writeRunning({ pid: process.pid, port, url: base, sideloaded, watch: !!watching });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearRunning(process.pid);
    Promise.resolve(watching && watching.close()).then(() => server.close(() => process.exit(0)));
    // Open keep-alive connections (a browser tab) would hold server.close() back.
    if (server.closeAllConnections) server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The pinned office-addin-debugging's command line (node_modules), or null when it is not installed. */
function officeAddinDebugging() {
  try {
    return require.resolve('office-addin-debugging/cli.js');
  } catch (e) {
    return null;
  }
}

main().catch((e) => {
  console.error(firstLine(e));
  process.exit(1);
});
