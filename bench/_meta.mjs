import { build } from 'esbuild';
const r = await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, metafile: true, legalComments: 'none', minifySyntax: true, entryPoints: [process.argv[2]], outfile: '/tmp/x.js', logLevel: 'error' });
const inputs = Object.values(r.metafile.outputs)[0].inputs;
const byPkg = {};
for (const [f, v] of Object.entries(inputs)) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f); const k = m ? m[1] : f.split('/').slice(0, 2).join('/'); byPkg[k] = (byPkg[k] || 0) + v.bytesInOutput; }
console.log('total', Object.values(r.metafile.outputs)[0].bytes);
for (const [k, v] of Object.entries(byPkg).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(v).padStart(9), k);
