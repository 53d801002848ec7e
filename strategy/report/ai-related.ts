/**
 * When a field of action or a goal counts as AI-related: an AI initiative refers to it (see
 * facts.ts), or its title or description names AI. The words are matched as whole words, so
 * that "KI" in "KI-Strategie" counts but "Kita" or "Aid" do not.
 */
const AI_WORDS = [
  /(?<![\p{L}\p{N}])(KI|AI|LLM)(?![\p{L}\p{N}])/u,
  /künstliche[nrs]?\s+Intelligenz/iu,
  /artificial\s+intelligence/i,
  /maschinelle[nms]?\s+Lernen/iu,
  /machine\s+learning/i,
];

export function mentionsAi(...texts: Array<string | undefined>): boolean {
  return texts.some((t) => t !== undefined && AI_WORDS.some((re) => re.test(t)));
}
