import { createInterface } from 'node:readline';
import { UsageError } from '../errors';

export interface Prompter {
  /** Asks one question; the answer without surrounding blanks, or `fallback` for an empty answer. */
  ask(question: string, fallback?: string): Promise<string>;
  /** Says why an answer was not taken, before the question is asked again. */
  warn(problem: string): void;
  close(): void;
}

/**
 * Line-by-line questions on a terminal (prompts on `output`, usually stderr, so that stdout keeps
 * only data). Reads through readline's async iterator, which buffers lines that arrive before a
 * question is asked, so pasted or piped answers are not lost.
 */
export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, fallback = '') {
      output.write(fallback ? `${question} [${fallback}]: ` : `${question}: `);
      const next = await lines.next();
      if (next.done) {
        output.write('\n');
        throw new UsageError('cli.input.ended');
      }
      const answer = String(next.value).trim();
      return answer || fallback;
    },
    warn(problem) {
      output.write(`  ${problem}\n`);
    },
    close() {
      rl.close();
    },
  };
}
