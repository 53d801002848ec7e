// Mocha runner inside the VS Code extension host (the entry that @vscode/test-electron and the
// code-server launcher both point `extensionTestsPath` at).
import Mocha from 'mocha';
import { suiteTests } from '../extension.test';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  suiteTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
  });
}
