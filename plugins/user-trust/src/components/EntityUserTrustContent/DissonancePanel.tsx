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

function DissonanceEntry(props: {
  dissonance: PerceptionDissonance;
  sloNames: Map<string, string>;
}) {
  const { dissonance, sloNames } = props;
  const { technical, userTrust } = dissonance;
  const meetsTarget = technical.attainment >= technical.target;
  const slo = sloNames.get(userTrust.slo) ?? userTrust.slo;
  return (
    <WarningPanel
      severity={
        dissonance.kind === 'technical-green-users-burning' ? 'warning' : 'info'
      }
      title={TITLES[dissonance.kind] ?? dissonance.kind}
      message={dissonance.message}
      defaultExpanded
    >
      <Typography variant="body2" component="div">
        <div data-testid="dissonance-technical">
          Technical SLI <strong>{technical.sli}</strong>:{' '}
          {formatRatio(technical.attainment)} against a target of{' '}
          {formatRatio(technical.target)} (
          {meetsTarget ? 'meets target' : 'misses target'})
        </div>
        <div data-testid="dissonance-user-trust">
          User-trust SLO <strong>{slo}</strong>:{' '}
          {SLO_STATUS_LABELS[userTrust.status] ?? userTrust.status}
          {userTrust.burnRate !== null
            ? `, burning its budget at ${formatBurnRate(userTrust.burnRate)}`
            : ', no burn rate yet'}
        </div>
      </Typography>
    </WarningPanel>
  );
}

/**
 * Where monitoring and users disagree: a warning per disagreement with both
 * numbers, or a short note that they agree.
 */
export function DissonancePanel(props: {
  dissonance: PerceptionDissonance[];
  slos: SloEvaluation[];
}) {
  const { dissonance, slos } = props;
  const sloNames = new Map(slos.map(s => [s.name, s.displayName ?? s.name]));
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
        dissonance.map((d, index) => (
          <Box
            key={`${d.kind}-${d.technical.sli}-${d.userTrust.slo}-${index}`}
            mb={index < dissonance.length - 1 ? 1 : 0}
          >
            <DissonanceEntry dissonance={d} sloNames={sloNames} />
          </Box>
        ))
      )}
    </InfoCard>
  );
}
