import { loadWorkspace } from '../cli/load';
import { DependencyGraph } from '../strategy/graph';
const ws = loadWorkspace(process.argv[2]);
const model = ws.model();
for (let k = 0; k < 5; k++) { const s = performance.now(); for (let i = 0; i < 10; i++) new DependencyGraph(model.measures); console.log(((performance.now() - s) / 10).toFixed(2), 'ms'); }
