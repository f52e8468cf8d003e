import {
  Header,
  Page,
  ResponseErrorPanel,
  TabbedLayout,
} from '@backstage/core-components';
import { FieldRoleImportRow } from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import { useNavigate, useResolvedPath } from 'react-router-dom';
import { useFieldRoleTypes } from '../common/fieldRoles';
import { AssignmentsTab } from './AssignmentsTab';
import { AuditLogTab } from './AuditLogTab';
import { BlindSpotsTab } from './BlindSpotsTab';
import {
  appendCsvRows,
  BulkAssignTab,
  QuickAssignPreset,
} from './BulkAssignTab';
import { PortfoliosTab } from './PortfoliosTab';

/**
 * The "Field roles" page for platform teams: entities lacking a required
 * TAM, CSM, DevRel or support lead; every registered assignment; what each
 * holder covers; bulk assignment from CSV; and the audit log.
 *
 * @public
 */
export function FieldRolesPage(props: { title?: string; subtitle?: string }) {
  const {
    title = 'Field roles',
    subtitle = 'Who covers each service at the customer edge — and where nobody does',
  } = props;
  const { roles, error } = useFieldRoleTypes();
  const navigate = useNavigate();
  const bulkPath = useResolvedPath('bulk').pathname;
  const [csv, setCsv] = useState('');
  const [preset, setPreset] = useState<QuickAssignPreset>();

  const addRows = (rows: FieldRoleImportRow[]) =>
    setCsv(text => appendCsvRows(text, rows));

  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle} />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Blind spots">
          <>
            {error && (
              <ResponseErrorPanel
                error={error}
                title="Could not load the role types"
              />
            )}
            <BlindSpotsTab
              roles={roles}
              onAssign={(entityRefs, role) => {
                setPreset(prev => ({
                  entityRefs,
                  role,
                  nonce: (prev?.nonce ?? 0) + 1,
                }));
                navigate(bulkPath);
              }}
            />
          </>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/assignments" title="Assignments">
          <AssignmentsTab roles={roles} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/portfolios" title="Portfolios">
          <PortfoliosTab roles={roles} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/bulk" title="Bulk assign">
          <BulkAssignTab
            roles={roles}
            csv={csv}
            onCsvChange={setCsv}
            onAddRows={addRows}
            preset={preset}
          />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/audit" title="Audit log">
          <AuditLogTab roles={roles} />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
