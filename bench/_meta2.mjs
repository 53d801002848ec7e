import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
const otherCommands = readdirSync('cli/commands').filter((f) => f.endsWith('.ts') && f !== 'lint.ts').map((f) => f.slice(0, -3));
const plugin = { name: 'x', setup(b) { b.onResolve({ filter: /^\.\/commands\/[\w-]+$/ }, (a) => (a.importer.endsWith('main.ts') && otherCommands.includes(a.path.slice(11)) ? { path: `${a.path}.js`, external: true } : undefined)); } };
const r = await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, metafile: true, legalComments: 'none', minifySyntax: true, entryPoints: ['cli/main.ts'], outfile: '/tmp/x.js', logLevel: 'error', plugins: [plugin] });
const out = Object.values(r.metafile.outputs)[0];
const byPkg = {};
for (const [f, v] of Object.entries(out.inputs)) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f); const k = m ? m[1] : f.split('/').slice(0, 2).join('/'); byPkg[k] = (byPkg[k] || 0) + v.bytesInOutput; }
console.log('total', out.bytes);
for (const [k, v] of Object.entries(byPkg).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(String(v).padStart(9), k);
if (process.argv[2]) console.log(Object.keys(out.inputs).filter((f) => f.includes(process.argv[2])));
