import { UsageError } from '../errors';

// Placeholder until its issue lands: the command exists so that the CLI builds.
export async function runExport(..._args: unknown[]): Promise<number> {
  throw new UsageError('"export" is not implemented yet');
}
