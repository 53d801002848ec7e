import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runRoadmap(..._args: unknown[]): Promise<number> {
  throw new UsageError('"roadmap" is not implemented yet');
}
