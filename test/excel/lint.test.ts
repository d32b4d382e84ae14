import { execFileSync } from 'child_process';
import * as path from 'path';

/** eslint-plugin-office-addins rules (load before read, sync after load, no sync in loops…) hold for the Office.js code. */
test('src/excel and src/commands pass the office-addins lint rules', () => {
  const root = path.resolve(__dirname, '../..');
  const eslint = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const out = execFileSync(process.execPath, [eslint, '--max-warnings', '0', 'src/excel', 'src/commands'], { cwd: root, encoding: 'utf8' });
  expect(out.trim()).toBe('');
}, 120000);
