// In-process timing of the critical path (strategy/schedule) on a loaded repository: the model is
// built once, then schedule() runs on fresh copies of the model (its event graph is cached per
// model). Prints JSON: measures, dependency entries, milliseconds per run (median of runs).
import { loadWorkspace } from '../cli/load';
import { schedule } from '../strategy/schedule/schedule';
import { dependencyGraph } from '../strategy/graph';

const [root, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 7);
const model = loadWorkspace(root).model();
const edges = dependencyGraph(model).edges.length;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const copy = { ...model }; // a new model object: nothing cached from the run before
  const t = process.hrtime.bigint();
  schedule(copy);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ measures: model.measures.length, edges, ms: times[Math.floor(times.length / 2)] }) + '\n');
