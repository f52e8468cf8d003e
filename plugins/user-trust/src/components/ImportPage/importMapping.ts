import {
  SIGNAL_IMPORT_FIELDS,
  SignalImportField,
  SignalImportMapping,
} from '@user-trust/plugin-user-trust-common';

/** How the page presents a signal field of the mapping. */
export type FieldInfo = {
  label: string;
  hint: string;
  /** Needed on every row: from a column or a constant. */
  required?: boolean;
};

/** Labels and hints of the signal fields, in the mapping table's order. */
export const FIELD_INFO: Record<SignalImportField, FieldInfo> = {
  externalId: {
    label: 'External id',
    hint: "The row's id in the exporting tool. Without it, an id is derived from the row's cells, so the same row is still recognised.",
  },
  kind: {
    label: 'Kind',
    hint: 'e.g. support_case, csat_response, "Support case"',
    required: true,
  },
  entityRef: {
    label: 'Entity',
    hint: 'A catalog entity; a bare name is a component, e.g. checkout-api',
    required: true,
  },
  occurredAt: {
    label: 'Occurred at',
    hint: 'ISO 8601, e.g. 2026-11-27T09:30:00Z or 2026-11-27 09:30 (UTC)',
    required: true,
  },
  resolvedAt: {
    label: 'Resolved at',
    hint: 'ISO 8601, not before it occurred',
  },
  severity: {
    label: 'Severity',
    hint: 'critical, high, medium, low, or P1 to P4',
  },
  account: { label: 'Account', hint: 'The customer account affected' },
  value: {
    label: 'Value',
    hint: 'A number: CSAT 1 to 5, NPS 0 to 10, a count or a duration',
  },
  fieldRole: { label: 'Field role', hint: 'e.g. tam, csm, devrel' },
  handledBy: {
    label: 'Handled by',
    hint: 'A user of the catalog, e.g. user:default/rachel.kim',
  },
};

/** The fields a constant can stand in for (`mapping.defaults`). */
export type DefaultableField = keyof NonNullable<
  SignalImportMapping['defaults']
>;

/** Other names exports give a field's column, best first (normalised). */
const SYNONYMS: Record<SignalImportField, string[]> = {
  externalId: ['externalid', 'id', 'ticketid', 'caseid', 'responseid', 'key'],
  kind: ['kind', 'signalkind', 'signaltype', 'type'],
  entityRef: ['entityref', 'entity', 'component', 'service', 'servicename'],
  occurredAt: [
    'occurredat',
    'occurred',
    'createdat',
    'created',
    'createddate',
    'openedat',
    'opened',
    'submittedat',
    'submitted',
    'timestamp',
    'date',
    'time',
  ],
  resolvedAt: [
    'resolvedat',
    'resolved',
    'closedat',
    'closed',
    'solvedat',
    'solved',
  ],
  severity: ['severity', 'priority', 'sev'],
  account: ['account', 'accountname', 'customer', 'company', 'organization'],
  value: ['value', 'score', 'rating'],
  fieldRole: ['fieldrole', 'role'],
  handledBy: ['handledby', 'assignee', 'agent', 'owner'],
};

/** `Occurred_At`, `occurred at`, `occurredAt` → `occurredat`. */
function normalise(name: string): string {
  return name.toLocaleLowerCase('en-US').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Columns for the fields by their names, matched case-insensitively and
 * ignoring spaces, `_` and `-` (`occurred_at`, `Occurred At`, `created`);
 * each column serves one field at most.
 */
export function guessColumns(
  columns: string[],
): SignalImportMapping['columns'] {
  const byName = new Map<string, string>();
  for (const column of columns) {
    const key = normalise(column);
    if (!byName.has(key)) byName.set(key, column);
  }
  const used = new Set<string>();
  const guessed: SignalImportMapping['columns'] = {};
  // Exact names first, so `created` for occurredAt cannot take a column
  // named after another field.
  for (const round of [0, 1]) {
    for (const field of SIGNAL_IMPORT_FIELDS) {
      if (guessed[field]) continue;
      const names = round === 0 ? [normalise(field)] : SYNONYMS[field];
      const column = names
        .map(name => byName.get(name))
        .find(c => c !== undefined && !used.has(c));
      if (column) {
        guessed[field] = column;
        used.add(column);
      }
    }
  }
  return guessed;
}

/** The mapping as the request sends it: no empty columns or constants. */
export function cleanMapping(
  mapping: SignalImportMapping,
): SignalImportMapping {
  const columns: SignalImportMapping['columns'] = {};
  for (const field of SIGNAL_IMPORT_FIELDS) {
    const column = mapping.columns[field];
    if (column) columns[field] = column;
  }
  const defaults: NonNullable<SignalImportMapping['defaults']> = {};
  const given = mapping.defaults ?? {};
  if (given.kind) defaults.kind = given.kind;
  if (given.entityRef?.trim()) defaults.entityRef = given.entityRef.trim();
  if (given.severity) defaults.severity = given.severity;
  const attributes = mapping.attributes ?? [];
  return {
    columns,
    ...(Object.keys(defaults).length > 0 && { defaults }),
    ...(attributes.length > 0 && { attributes }),
  };
}

/** Required fields that have neither a column nor a constant. */
export function missingFields(
  mapping: SignalImportMapping,
): SignalImportField[] {
  return SIGNAL_IMPORT_FIELDS.filter(
    field =>
      FIELD_INFO[field].required &&
      !mapping.columns[field] &&
      !(mapping.defaults as Record<string, string> | undefined)?.[field],
  );
}
