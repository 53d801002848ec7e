/** A one-line description for a terminal: Markdown code ticks removed. (Category and severity labels are in the message catalogue, strategy/messages/.) */
export const plainDescription = (s: string): string => s.replace(/`([^`]*)`/g, '$1');
