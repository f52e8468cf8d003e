import { CST, Lexer, parseAllDocuments } from 'yaml';
import { Issues } from './issues';

/** Deepest nesting of flow collections (`[...]`, `{...}`, JSON) read. */
const MAX_FLOW_DEPTH = 64;
/** Furthest column at which a block collection (or its item) may start. */
const MAX_BLOCK_COLUMN = 100;

/**
 * The line at which the input nests too deeply to be parsed safely, if it
 * does. The YAML composer recurses once per level; near the end of the
 * stack V8 may abort the whole process (a RegExp compiled there fails "out
 * of memory") instead of throwing a RangeError. The lexer does not
 * recurse: with it, flow collections are counted exactly, and block
 * collections by column, as each needs more indentation than its parent
 * (a sequence in a mapping: as much), so depth stays below twice the column.
 */
function tooDeepAt(text: string): number | undefined {
  let flow = 0;
  let line = 1;
  let column = 0;
  let lineStarted = false;
  for (const lexeme of new Lexer().lex(text)) {
    const type = CST.tokenType(lexeme);
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      flow += 1;
      if (flow > MAX_FLOW_DEPTH) return line;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      flow = Math.max(0, flow - 1);
    }
    // The lexer marks documents and scalars with control characters.
    const control =
      lexeme.length === 1 && lexeme < ' ' && !'\t\n\r'.includes(lexeme);
    const content =
      !control && type !== 'space' && type !== 'newline' && type !== 'comment';
    if (
      flow === 0 &&
      column > MAX_BLOCK_COLUMN &&
      ((content && !lineStarted) ||
        type === 'seq-item-ind' ||
        type === 'explicit-key-ind')
    ) {
      return line;
    }
    if (content) lineStarted = true;
    if (!control) {
      const lines = lexeme.split(/\r\n|\r|\n/);
      if (lines.length > 1) {
        line += lines.length - 1;
        column = lines[lines.length - 1].length;
        lineStarted = false;
      } else {
        column += lexeme.length;
      }
    }
  }
  return undefined;
}

/** Splits the input into documents: YAML documents, array items flattened. */
export function readDocuments(text: string, issues: Issues): unknown[] {
  const documents: unknown[] = [];
  const deepAt = tooDeepAt(text);
  if (deepAt !== undefined) {
    issues.push({
      path: 'documents',
      message: `nested too deeply at line ${deepAt}: more than ${MAX_FLOW_DEPTH} levels of [ ] or { }, or a block collection beyond column ${MAX_BLOCK_COLUMN}`,
    });
    return documents;
  }
  // YAML 1.2 is a superset of JSON, so one parser reads both, with line and
  // column in its errors and duplicate keys rejected.
  for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
    const path = `documents[${documents.length}]`;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        issues.push({
          path,
          message: `invalid YAML: ${error.message.split('\n')[0]}`,
        });
      }
      documents.push(undefined);
      continue;
    }
    let value: unknown;
    try {
      // Bounds alias expansion ("billion laughs").
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      issues.push({
        path,
        message: `invalid YAML: ${(error as Error).message}`,
      });
      documents.push(undefined);
      continue;
    }
    if (value === null || value === undefined) {
      continue; // an empty document, e.g. after a trailing `---`
    }
    documents.push(...(Array.isArray(value) ? value : [value]));
  }
  if (documents.length === 0 && issues.length === 0) {
    issues.push({ path: 'documents', message: 'no OpenSLO document found' });
  }
  return documents;
}
