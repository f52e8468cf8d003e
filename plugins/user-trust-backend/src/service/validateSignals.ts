import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  MAX_SIGNALS_PER_BATCH,
  SignalInput,
  SignalKind,
  SignalSeverity,
} from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { NormalizedSignal } from '../database/types';

// The same JSON schema that the REST API publishes, so signals from backend
// modules are held to exactly the rules of signals sent over HTTP.
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
ajv.addSchema(
  JSON.parse(JSON.stringify(spec.components.schemas.SignalKind)),
  '#/components/schemas/SignalKind',
);
const validateSignalSchema = ajv.compile<SignalInput>(
  JSON.parse(JSON.stringify(spec.components.schemas.Signal)),
);

function fieldPath(index: number, instancePath: string, missing?: string) {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return `signals[${index}]${parts.map(p => `.${p}`).join('')}`;
}

// Width of the entity_ref and handled_by columns.
const MAX_REF_LENGTH = 255;

function normalizeRef(
  value: string,
  index: number,
  field: string,
  defaultKind?: string,
): string {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch (e) {
    throw new InputError(
      `signals[${index}].${field}: '${value}' is not an entity ref (${
        (e as Error).message
      })`,
    );
  }
  // The schema limits the ref as sent; the default kind and namespace can
  // make it longer than the column.
  if (ref.length > MAX_REF_LENGTH) {
    throw new InputError(
      `signals[${index}].${field}: must NOT have more than ${MAX_REF_LENGTH} characters as a full ref (has ${ref.length})`,
    );
  }
  return ref;
}

/** Parses a date-time the schema accepted, which Date may still refuse. */
function parseDateTime(value: string, index: number, field: string): Date {
  const date = new Date(value);
  // RFC 3339 leap seconds (23:59:60) pass the format but are NaN here.
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      `signals[${index}].${field}: '${value}' is not a date-time that can be stored`,
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

/**
 * Checks a batch of signals against the published schema and the rules the
 * schema cannot express, and normalises them for storage. Throws an
 * InputError naming the first bad item and field.
 */
export function validateSignals(signals: unknown): NormalizedSignal[] {
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
    if (!validateSignalSchema(signal)) {
      const error = validateSignalSchema.errors![0];
      const missing = error.params?.missingProperty as string | undefined;
      const extra = error.params?.additionalProperty as string | undefined;
      const allowed = error.params?.allowedValues as string[] | undefined;
      throw new InputError(
        `${fieldPath(index, error.instancePath, missing ?? extra)}: ${
          error.message
        }${allowed ? ` (${allowed.join(', ')})` : ''}`,
      );
    }

    const key = JSON.stringify([signal.source, signal.externalId]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(
        `signals[${index}].externalId: duplicates signals[${first}] (same source and externalId)`,
      );
    }
    seen.set(key, index);

    const occurredAt = parseDateTime(signal.occurredAt, index, 'occurredAt');
    const resolvedAt = signal.resolvedAt
      ? parseDateTime(signal.resolvedAt, index, 'resolvedAt')
      : null;
    if (resolvedAt && resolvedAt.getTime() < occurredAt.getTime()) {
      throw new InputError(
        `signals[${index}].resolvedAt: must not be before occurredAt`,
      );
    }
    if (signal.value !== undefined && !Number.isFinite(signal.value)) {
      throw new InputError(`signals[${index}].value: must be a finite number`);
    }

    return {
      source: signal.source,
      externalId: signal.externalId,
      kind: signal.kind as SignalKind,
      entityRef: normalizeRef(signal.entityRef, index, 'entityRef'),
      occurredAt,
      resolvedAt,
      severity: (signal.severity as SignalSeverity | undefined) ?? null,
      account: signal.account ?? null,
      value: signal.value ?? null,
      fieldRole: signal.fieldRole ?? null,
      handledBy: signal.handledBy
        ? normalizeRef(signal.handledBy, index, 'handledBy', 'user')
        : null,
      attributes: stableJson(signal.attributes),
    };
  });
}
