import { Content, ContentHeader, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { userTrustSignalCreatePermission } from '@user-trust/plugin-user-trust-common';
import { useCanCreateSignals } from '../common/permissions';
import { UserTrustHeader } from '../common/UserTrustHeader';
import { CheckCard } from './CheckCard';
import { FileCard } from './FileCard';
import { MappingCard } from './MappingCard';
import { useSignalImport } from './useSignalImport';

/**
 * The "Import" tab of the User trust page: signals from a CSV or JSON file
 * (a CRM, survey tool or spreadsheet export). The file is read in the
 * browser; a first dry run learns its columns, which are mapped to signal
 * fields (pre-filled from the source's saved mapping, else by their names);
 * a dry run lists every bad row and what would be created or updated; the
 * import writes all rows in one transaction, showing its progress. Those
 * without `user-trust.signal.create` see why they cannot import.
 *
 * @public
 */
export function ImportPage(props: { title?: string; subtitle?: string }) {
  const {
    title = 'User trust',
    subtitle = 'Signals from CRM, survey and spreadsheet exports',
  } = props;
  const permission = useCanCreateSignals();
  const canImport = permission.allowed;
  const signalImport = useSignalImport(canImport);

  return (
    <Page themeId="tool">
      <UserTrustHeader title={title} subtitle={subtitle} tab="import" />
      <Content>
        <ContentHeader
          title="Import signals"
          description="Upload a file, map its columns, check it, import it. The same file imported twice creates nothing."
        />
        <Grid container spacing={3}>
          {!permission.loading && !canImport && (
            <Grid item xs={12}>
              <Alert severity="info">
                Importing signals needs the permission{' '}
                <code>{userTrustSignalCreatePermission.name}</code>. Ask your
                platform team to grant it, or to import the file for you.
              </Alert>
            </Grid>
          )}
          <Grid item xs={12}>
            <FileCard signalImport={signalImport} canImport={canImport} />
          </Grid>
          {signalImport.file && signalImport.columns && (
            <>
              <Grid item xs={12}>
                <MappingCard signalImport={signalImport} canSave={canImport} />
              </Grid>
              <Grid item xs={12}>
                <CheckCard signalImport={signalImport} canImport={canImport} />
              </Grid>
            </>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
