import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  FieldRoleImportResult,
  tryStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import { userTrustApiRef } from '../../../api';
import { errorMessage } from '../../common/errors';
import { authorizeFieldRoleManagement } from '../../common/permissions';

/**
 * The outcome of a dry run or an import of a CSV. The backend parses the
 * CSV: its rows, and the errors numbered by data line, are its answer.
 */
export type Outcome = {
  /** The CSV the outcome is of. */
  text: string;
  result: FieldRoleImportResult;
  /** Entities of a clean dry run the user may not change. */
  denied?: string[];
};

/** The data rows of an answer: the valid ones and the wrong ones. */
export function importedRowCount(result: FieldRoleImportResult): number {
  return new Set([
    ...result.changes.map(c => c.row),
    ...result.errors.map(e => e.row),
  ]).size;
}

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
    setBusy('dry-run');
    try {
      const result = await api.importFieldRoles(text, { dryRun: true });
      let denied: string[] = [];
      if (result.errors.length === 0) {
        const refs = result.changes.map(
          c =>
            tryStoredEntityRef(c.entityRef, { defaultKind: 'component' }) ??
            c.entityRef,
        );
        const decisions = await authorizeFieldRoleManagement(
          permissionApi,
          refs,
        );
        denied = Array.from(new Set(refs)).filter(r => !decisions.get(r));
      }
      setOutcome({ text, result, denied });
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
      const result = await api.importFieldRoles(outcome.text, {
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
  const errors = result?.errors ?? [];

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
