/**
 * A strict XML reader for tests of XML outputs (JUnit, SARIF-adjacent checks): sax (strict) for
 * well-formedness, plus the characters and character references XML 1.0 forbids, into a small
 * element tree. Throws (or fails an assertion) on anything a strict consumer would refuse.
 */
import { strict as assert } from 'node:assert';
import sax from 'sax';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, 'character not allowed in XML 1.0');
  assert.doesNotMatch(xml, /&#0*([0-8]|1[124-9]|2\d|3[01]);|&#x0*([0-8bcefBCEF]|1[0-9a-fA-F]);/, 'character reference not allowed in XML 1.0');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const parser = sax.parser(true, {});
  parser.onerror = (e) => {
    throw new Error(`XML not well-formed: ${e.message}`);
  };
  parser.onopentag = (tag) => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (t) => void (stack[stack.length - 1].text += t);
  parser.write(xml).close();
  assert.equal(stack.length, 1, 'every element closed');
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0];
}

/** Every element named `name` below `el`, in document order. */
export const descendants = (el: XmlElement, name: string): XmlElement[] => el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
