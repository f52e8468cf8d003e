import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  FieldRoleImportResult,
  FieldRoleImportRow,
  tryStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import { userTrustApiRef } from '../../../api';
import { errorMessage } from '../../common/errors';
import { authorizeFieldRoleManagement } from '../../common/permissions';
import { parseImportCsv } from '../csv';

/** The outcome of a dry run or an import of a CSV. */
export type Outcome = {
  rows: FieldRoleImportRow[];
  /** The CSV the outcome is of. */
  text: string;
  result?: FieldRoleImportResult;
  /** Problems found in the browser, before asking the backend. */
  localErrors?: Array<{ row: number; message: string }>;
  /** Entities of a clean dry run the user may not change. */
  denied?: string[];
};

/**
 * The dry run and the apply of a CSV import, and what the last outcome means
 * for the CSV now: stale (the CSV changed since), clean (a dry run without
 * errors), the number of changes and whether applying is allowed.
 */
export function useFieldRoleImport(csv: string) {
  const api = useApi(userTrustApiRef);
  const permissionApi = useApi(permissionApiRef);
  const alertApi = useApi(alertApiRef);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<'dry-run' | 'apply'>();
  const [requestError, setRequestError] = useState<string>();

  const dryRun = async () => {
    setRequestError(undefined);
    const text = csv;
    const parsed = parseImportCsv(text);
    if (parsed.errors.length > 0) {
      setOutcome({ rows: parsed.rows, text, localErrors: parsed.errors });
      return;
    }
    setBusy('dry-run');
    try {
      const result = await api.importFieldRoles(parsed.rows, { dryRun: true });
      let denied: string[] = [];
      if (result.errors.length === 0) {
        const refs = (
          result.changes.length > 0
            ? result.changes.map(c => c.entityRef)
            : parsed.rows.map(r => r.entityRef)
        ).map(
          ref => tryStoredEntityRef(ref, { defaultKind: 'component' }) ?? ref,
        );
        const decisions = await authorizeFieldRoleManagement(
          permissionApi,
          refs,
        );
        denied = Array.from(new Set(refs)).filter(r => !decisions.get(r));
      }
      setOutcome({ rows: parsed.rows, text, result, denied });
    } catch (e) {
      setOutcome(undefined);
      setRequestError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async () => {
    if (!outcome) return;
    setRequestError(undefined);
    setBusy('apply');
    try {
      const result = await api.importFieldRoles(outcome.rows, {
        dryRun: false,
      });
      setOutcome({ ...outcome, result, denied: [] });
      if (result.applied) {
        alertApi.post({
          message: `Applied ${
            result.changes.filter(c => c.change !== 'unchanged').length
          } field-role changes`,
          severity: 'success',
          display: 'transient',
        });
      }
    } catch (e) {
      setRequestError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const result = outcome?.result;
  const stale = outcome !== undefined && outcome.text !== csv;
  const clean =
    result !== undefined && result.dryRun && result.errors.length === 0;
  const changes = result
    ? result.changes.filter(c => c.change !== 'unchanged').length
    : 0;
  const canApply =
    clean &&
    !stale &&
    !busy &&
    changes > 0 &&
    (outcome?.denied ?? []).length === 0;
  const errors = outcome?.localErrors ?? result?.errors ?? [];

  return {
    outcome,
    setOutcome,
    busy,
    requestError,
    dryRun,
    apply,
    result,
    stale,
    clean,
    changes,
    canApply,
    errors,
  };
}

/** The state and actions of {@link useFieldRoleImport}. */
export type FieldRoleImport = ReturnType<typeof useFieldRoleImport>;
