import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runRules(..._args: unknown[]): Promise<number> {
  throw new UsageError('"rules" is not implemented yet');
}
