import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EntityRefParts,
  MAX_SIGNALS_PER_BATCH,
  parseEntityRefParts,
  SIGNAL_ATTRIBUTE_LIMITS,
  SIGNAL_ENTITY_KINDS_REFUSED,
  SIGNAL_VALUE_RANGES,
  SignalInput,
  SignalKind,
  SignalSeverity,
  toStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { NormalizedSignal } from './types';

// The same JSON schema that the REST API publishes, so signals from backend
// modules are held to exactly the rules of signals sent over HTTP.
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
for (const name of ['SignalKind', 'SignalSeverity'] as const) {
  ajv.addSchema(
    JSON.parse(JSON.stringify(spec.components.schemas[name])),
    `#/components/schemas/${name}`,
  );
}
const validateSignalSchema = ajv.compile<SignalInput>(
  JSON.parse(JSON.stringify(spec.components.schemas.Signal)),
);

/**
 * A signal refused by validation: a 400 naming the item and field
 * (`signals[3].occurredAt: …`), with the field and reason apart for callers
 * that number items their own way (a file import reports rows and columns).
 */
export class SignalFieldError extends InputError {
  constructor(
    readonly index: number,
    /** Dotted path within the signal, e.g. `attributes.plan`; '' for the item. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`signals[${index}]${field ? `.${field}` : ''}: ${reason}`);
  }
}

function fieldPath(instancePath: string, missing?: string) {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return parts.join('.');
}

const DAY_MS = 24 * 60 * 60 * 1000;
const entityNames = makeValidator();

/** How far from now a signal's times may lie. */
export type SignalTimeBounds = {
  /** How far into the future (clock skew of the sender). */
  maxFutureSkewMs: number;
  /** How far into the past (a backfill of years of tickets). */
  maxAgeMs: number;
};

/** Defaults of `userTrust.ingestion`: 15 minutes ahead, 10 years back. */
export const DEFAULT_SIGNAL_TIME_BOUNDS: SignalTimeBounds = {
  maxFutureSkewMs: 15 * 60 * 1000,
  maxAgeMs: 3650 * DAY_MS,
};

/**
 * A ref in its stored form (full, lower-cased), checked against the
 * catalog's naming rules, so that e.g. `component:default/../../etc` is
 * refused rather than stored under a ref no entity can ever have.
 */
function normalizeRef(
  value: string,
  index: number,
  field: string,
  allowedKinds: (kind: string) => boolean,
  defaultKind?: string,
): string {
  const bad = (why: string) =>
    new SignalFieldError(
      index,
      field,
      `'${value}' is not an entity ref (${why})`,
    );
  let parsed: EntityRefParts;
  try {
    parsed = parseEntityRefParts(value, { defaultKind });
  } catch (e) {
    throw bad((e as Error).message);
  }
  // Refs compare case-insensitively: the rules apply to the stored form.
  if (!entityNames.isValidKind(parsed.kind)) throw bad('invalid kind');
  if (
    !entityNames.isValidNamespace(parsed.namespace.toLocaleLowerCase('en-US'))
  ) {
    throw bad('invalid namespace');
  }
  if (!entityNames.isValidEntityName(parsed.name)) throw bad('invalid name');
  if (!allowedKinds(parsed.kind.toLocaleLowerCase('en-US'))) {
    throw new SignalFieldError(
      index,
      field,
      `'${value}' is of kind ${parsed.kind}, which ${field} cannot name`,
    );
  }
  // Kind, namespace and name have at most 63 characters each: the full ref
  // always fits the 255 characters of the column.
  return toStoredEntityRef(parsed);
}

const REFUSED_ENTITY_KINDS = new Set<string>(SIGNAL_ENTITY_KINDS_REFUSED);
const isServiceKind = (kind: string) => !REFUSED_ENTITY_KINDS.has(kind);
const isPersonKind = (kind: string) => REFUSED_ENTITY_KINDS.has(kind);

/** The first string field (or attribute) holding a NUL, which PostgreSQL cannot store. */
function fieldWithNul(signal: SignalInput): string | undefined {
  const fields = [
    'source',
    'externalId',
    'entityRef',
    'account',
    'fieldRole',
    'handledBy',
  ] as const;
  const field = fields.find(f => signal[f]?.includes('\u0000'));
  if (field) return field;
  for (const [key, value] of Object.entries(signal.attributes ?? {})) {
    if (key.includes('\u0000') || String(value).includes('\u0000')) {
      return `attributes.${key.split('\u0000').join('\\u0000')}`;
    }
  }
  return undefined;
}

/** Attribute rules the schema cannot express: name, value and total size. */
function checkAttributes(signal: SignalInput, index: number) {
  const { maxKeyLength, maxValueLength, maxTotalLength } =
    SIGNAL_ATTRIBUTE_LIMITS;
  const attributes = signal.attributes ?? {};
  for (const [key, value] of Object.entries(attributes)) {
    const at = `attributes.${key.slice(0, maxKeyLength)}`;
    if (key.length > maxKeyLength) {
      throw new SignalFieldError(
        index,
        at,
        `attribute names have at most ${maxKeyLength} characters`,
      );
    }
    if (typeof value === 'string' && value.length > maxValueLength) {
      throw new SignalFieldError(
        index,
        at,
        `must NOT have more than ${maxValueLength} characters`,
      );
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new SignalFieldError(index, at, 'must be a finite number');
    }
  }
  const total = JSON.stringify(attributes).length;
  if (total > maxTotalLength) {
    throw new SignalFieldError(
      index,
      'attributes',
      `must NOT have more than ${maxTotalLength} characters as JSON (has ${total})`,
    );
  }
}

/** A signal's time within the bounds around now. */
function checkTime(
  date: Date,
  index: number,
  field: string,
  now: Date,
  bounds: SignalTimeBounds,
) {
  const latest = now.getTime() + bounds.maxFutureSkewMs;
  const earliest = now.getTime() - bounds.maxAgeMs;
  if (date.getTime() > latest) {
    throw new SignalFieldError(
      index,
      field,
      `${date.toISOString()} is in the future (at most ${Math.round(
        bounds.maxFutureSkewMs / 60_000,
      )} minutes ahead of the server's clock are accepted)`,
    );
  }
  if (date.getTime() < earliest) {
    throw new SignalFieldError(
      index,
      field,
      `${date.toISOString()} is older than ${Math.round(
        bounds.maxAgeMs / DAY_MS,
      )} days`,
    );
  }
}

/** Parses a date-time the schema accepted, which Date may still refuse. */
function parseDateTime(value: string, index: number, field: string): Date {
  const date = new Date(value);
  // RFC 3339 leap seconds (23:59:60) pass the format but are NaN here.
  if (Number.isNaN(date.getTime())) {
    throw new SignalFieldError(
      index,
      field,
      `'${value}' is not a date-time that can be stored`,
    );
  }
  return date;
}

function stableJson(attributes: SignalInput['attributes']): string | null {
  if (!attributes || Object.keys(attributes).length === 0) return null;
  const sorted = Object.fromEntries(
    Object.keys(attributes)
      .sort()
      .map(key => [key, attributes[key]]),
  );
  return JSON.stringify(sorted);
}

/** When a signal is checked, and how far from then its times may lie. */
export type SignalCheckOptions = { now?: Date; bounds?: SignalTimeBounds };

/**
 * Checks one signal against the published schema and the rules the schema
 * cannot express, and normalises it for storage. Throws a SignalFieldError
 * naming the field (`index` numbers it in the message).
 */
export function validateSignal(
  signal: unknown,
  index: number,
  options: SignalCheckOptions = {},
): NormalizedSignal {
  const now = options.now ?? new Date();
  const bounds = options.bounds ?? DEFAULT_SIGNAL_TIME_BOUNDS;
  if (!validateSignalSchema(signal)) {
    const error = validateSignalSchema.errors![0];
    const missing = error.params?.missingProperty as string | undefined;
    const extra = error.params?.additionalProperty as string | undefined;
    const allowed = error.params?.allowedValues as string[] | undefined;
    throw new SignalFieldError(
      index,
      fieldPath(error.instancePath, missing ?? extra),
      `${error.message}${allowed ? ` (${allowed.join(', ')})` : ''}`,
    );
  }

  const nul = fieldWithNul(signal);
  if (nul) {
    throw new SignalFieldError(
      index,
      nul,
      'must not contain NUL characters (\\u0000)',
    );
  }
  checkAttributes(signal, index);

  const occurredAt = parseDateTime(signal.occurredAt, index, 'occurredAt');
  const resolvedAt = signal.resolvedAt
    ? parseDateTime(signal.resolvedAt, index, 'resolvedAt')
    : null;
  checkTime(occurredAt, index, 'occurredAt', now, bounds);
  if (resolvedAt) {
    checkTime(resolvedAt, index, 'resolvedAt', now, bounds);
    if (resolvedAt.getTime() < occurredAt.getTime()) {
      throw new SignalFieldError(
        index,
        'resolvedAt',
        'must not be before occurredAt',
      );
    }
  }
  if (signal.value !== undefined && !Number.isFinite(signal.value)) {
    throw new SignalFieldError(index, 'value', 'must be a finite number');
  }
  if (signal.value !== undefined) {
    const range = SIGNAL_VALUE_RANGES[signal.kind as SignalKind];
    if (signal.value < range.min || signal.value > range.max) {
      throw new SignalFieldError(
        index,
        'value',
        `must be a number from ${range.min} to ${range.max} for ${signal.kind}`,
      );
    }
  }

  return {
    source: signal.source,
    externalId: signal.externalId,
    kind: signal.kind as SignalKind,
    entityRef: normalizeRef(
      signal.entityRef,
      index,
      'entityRef',
      isServiceKind,
    ),
    occurredAt,
    resolvedAt,
    severity: (signal.severity as SignalSeverity | undefined) ?? null,
    account: signal.account ?? null,
    value: signal.value ?? null,
    fieldRole: signal.fieldRole ?? null,
    handledBy: signal.handledBy
      ? normalizeRef(signal.handledBy, index, 'handledBy', isPersonKind, 'user')
      : null,
    attributes: stableJson(signal.attributes),
  };
}

/**
 * Checks a batch of signals (each by `validateSignal`, and no two with one
 * identity) and normalises them for storage. Throws an InputError naming
 * the first bad item and field.
 */
export function validateSignals(
  signals: unknown,
  options: SignalCheckOptions = {},
): NormalizedSignal[] {
  const checkOptions = { now: options.now ?? new Date(), ...options };
  if (!Array.isArray(signals) || signals.length === 0) {
    throw new InputError('signals: must be a non-empty array');
  }
  if (signals.length > MAX_SIGNALS_PER_BATCH) {
    throw new InputError(
      `signals: at most ${MAX_SIGNALS_PER_BATCH} signals per request, got ${signals.length}`,
    );
  }

  const seen = new Map<string, number>();
  return signals.map((signal, index) => {
    const normalized = validateSignal(signal, index, checkOptions);
    const key = JSON.stringify([normalized.source, normalized.externalId]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new SignalFieldError(
        index,
        'externalId',
        `duplicates signals[${first}] (same source and externalId)`,
      );
    }
    seen.set(key, index);
    return normalized;
  });
}
