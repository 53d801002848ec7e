/** An error that is the user's to fix: printed as one line, exit code 2. */
export class UsageError extends Error {}
