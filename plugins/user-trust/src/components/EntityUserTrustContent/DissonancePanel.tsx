import { InfoCard, StatusOK, WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  PerceptionDissonance,
  SloEvaluation,
} from '@user-trust/plugin-user-trust-common';
import {
  formatBurnRate,
  formatRatio,
  SLO_STATUS_LABELS,
} from '../common/format';

const TITLES: Record<PerceptionDissonance['kind'], string> = {
  'technical-green-users-burning':
    'Monitoring is green, but users are burning the budget',
  'technical-red-users-fine': 'Monitoring is red, but users are fine',
};

/**
 * One panel per kind of disagreement: the technical SLI once, then every
 * user-trust SLO that contradicts it.
 */
function DissonanceGroup(props: {
  kind: PerceptionDissonance['kind'];
  entries: PerceptionDissonance[];
  sloNames: Map<string, string>;
}) {
  const { kind, entries, sloNames } = props;
  const { technical } = entries[0];
  const meetsTarget = technical.attainment >= technical.target;
  const sloCount =
    entries.length === 1
      ? '1 user-trust SLO'
      : `${entries.length} user-trust SLOs`;
  return (
    <WarningPanel
      severity={kind === 'technical-green-users-burning' ? 'warning' : 'info'}
      title={TITLES[kind] ?? kind}
      message={
        meetsTarget
          ? `Monitoring meets its target while ${sloCount} burn${
              entries.length === 1 ? 's' : ''
            } the budget users give this service.`
          : `Monitoring misses its target while ${sloCount} stay healthy.`
      }
      defaultExpanded
    >
      <Typography variant="body2" component="div">
        <div data-testid="dissonance-technical">
          Technical SLI <strong>{technical.sli}</strong>:{' '}
          {formatRatio(technical.attainment)} against a target of{' '}
          {formatRatio(technical.target)} (
          {meetsTarget ? 'meets target' : 'misses target'})
        </div>
        <ul>
          {entries.map(({ userTrust }) => (
            <li key={userTrust.slo} data-testid="dissonance-user-trust">
              User-trust SLO{' '}
              <strong>{sloNames.get(userTrust.slo) ?? userTrust.slo}</strong>:{' '}
              {SLO_STATUS_LABELS[userTrust.status] ?? userTrust.status}
              {userTrust.burnRate !== null
                ? `, burning its budget at ${formatBurnRate(
                    userTrust.burnRate,
                  )}`
                : ', no burn rate yet'}
            </li>
          ))}
        </ul>
      </Typography>
    </WarningPanel>
  );
}

/**
 * Where monitoring and users disagree, with both numbers, or a short note
 * that they agree.
 */
export function DissonancePanel(props: {
  dissonance: PerceptionDissonance[];
  slos: SloEvaluation[];
}) {
  const { dissonance, slos } = props;
  const sloNames = new Map(slos.map(s => [s.name, s.displayName ?? s.name]));
  const byKind = new Map<
    PerceptionDissonance['kind'],
    PerceptionDissonance[]
  >();
  for (const d of dissonance) {
    byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  }
  const groups = [...byKind.entries()];
  return (
    <InfoCard
      title="Perception dissonance"
      subheader="Technical SLIs compared with what users experience"
      variant="gridItem"
    >
      {dissonance.length === 0 ? (
        <Box data-testid="dissonance-none">
          <StatusOK>Monitoring and users agree</StatusOK>
          <Typography variant="body2" color="textSecondary">
            No technical SLI contradicts the user-trust SLOs of this entity.
          </Typography>
        </Box>
      ) : (
        groups.map(([kind, entries], index) => (
          <Box key={kind} mb={index < groups.length - 1 ? 1 : 0}>
            <DissonanceGroup
              kind={kind}
              entries={entries}
              sloNames={sloNames}
            />
          </Box>
        ))
      )}
    </InfoCard>
  );
}
