import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runInit(..._args: unknown[]): Promise<number> {
  throw new UsageError('"init" is not implemented yet');
}
