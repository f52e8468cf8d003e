import {
  SignalAttributes,
  SignalKind,
  SignalSeverity,
} from '@user-trust/plugin-user-trust-common';

/** A validated signal, normalised for storage and comparison. */
export interface NormalizedSignal {
  source: string;
  externalId: string;
  kind: SignalKind;
  /** Full, lower-cased entity ref. */
  entityRef: string;
  occurredAt: Date;
  resolvedAt: Date | null;
  severity: SignalSeverity | null;
  account: string | null;
  value: number | null;
  fieldRole: string | null;
  /** Full, lower-cased entity ref of a user. */
  handledBy: string | null;
  /** Attributes as JSON with sorted keys, so equal attributes compare equal. */
  attributes: string | null;
}

/** Row shape of `user_trust_signals`. */
export interface SignalRow {
  id?: number | string;
  source: string;
  external_id: string;
  kind: string;
  entity_ref: string;
  occurred_at: Date | string | number;
  resolved_at: Date | string | number | null;
  severity: string | null;
  account: string | null;
  value: number | string | null;
  field_role: string | null;
  handled_by: string | null;
  attributes: string | null;
  created_at?: Date | string | number;
  updated_at?: Date | string | number;
}

export type { SignalAttributes };
