// `npm run test:vscode`: the same mocha suite in desktop VS Code via @vscode/test-electron
// (downloads VS Code; for developers' desktops and public CI with xvfb).
import { runTests } from '@vscode/test-electron';
import { ROOT, buildForTests, workspaceCopy } from './vscode-env.mjs';

const suite = await buildForTests();
try {
  await runTests({ extensionDevelopmentPath: ROOT, extensionTestsPath: suite, launchArgs: [workspaceCopy(), '--disable-extensions', '--disable-workspace-trust'] });
} catch (e) {
  process.stderr.write(`[vscode-desktop] ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
}
