import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runExplain(..._args: unknown[]): Promise<number> {
  throw new UsageError('"explain" is not implemented yet');
}
