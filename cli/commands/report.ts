import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runReport(..._args: unknown[]): Promise<number> {
  throw new UsageError('"report" is not implemented yet');
}
