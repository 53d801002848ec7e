import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runNew(..._args: unknown[]): Promise<number> {
  throw new UsageError('"new" is not implemented yet');
}
