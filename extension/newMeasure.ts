import type { StrategyRoot, StrategyRoots } from './roots';
export async function newMeasure(roots: StrategyRoots, root: StrategyRoot): Promise<void> {
  void roots;
  void root;
}
