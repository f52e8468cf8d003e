import { EntityHealth } from '@user-trust/plugin-user-trust-common';

const COLUMNS: Array<[string, (row: EntityHealth) => unknown]> = [
  ['entityRef', r => r.entityRef],
  ['title', r => r.title],
  ['kind', r => r.kind],
  ['type', r => r.type],
  ['lifecycle', r => r.lifecycle],
  ['owner', r => r.owner],
  ['system', r => r.system],
  ['domain', r => r.domain],
  ['status', r => r.status],
  ['score', r => r.score],
  ['worstBudget', r => r.worstBudget],
  ['fastestBurn', r => r.fastestBurn?.rate],
  ['burnWindow', r => r.fastestBurn?.window],
  ['dissonance', r => r.dissonance],
  ['supportCases7d', r => r.supportCases.last7d],
  ['supportCasesPrevious7d', r => r.supportCases.previous7d],
  ['incidents7d', r => r.incidents.last7d],
  ['incidentsPrevious7d', r => r.incidents.previous7d],
  ['missingRoles', r => r.missingRoles.join(' ')],
];

/**
 * A CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a
 * formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV with a header line, CRLF-separated. */
export function healthCsv(rows: EntityHealth[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map(([, value]) => cell(value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
