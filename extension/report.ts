import type { StrategyRoot } from './roots';
export async function openCouncilReport(root: StrategyRoot): Promise<void> {
  void root;
}
