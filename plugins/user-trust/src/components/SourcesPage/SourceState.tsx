import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import { ReactNode } from 'react';
import { SourceStatus } from '../../api';
import { SOURCE_STATE_DESCRIPTIONS, SOURCE_STATE_LABELS } from './sourceFormat';

const ICONS: Record<
  SourceStatus['state'],
  (props: { children?: ReactNode }) => JSX.Element
> = {
  waiting: StatusPending,
  syncing: StatusRunning,
  ok: StatusOK,
  behind: StatusWarning,
  error: StatusError,
};

/** A connector's state as a status icon and words. */
export function SourceState(props: { state: SourceStatus['state'] }) {
  const { state } = props;
  const Icon = ICONS[state];
  return (
    <Tooltip title={SOURCE_STATE_DESCRIPTIONS[state]}>
      <span data-testid="source-state">
        <Icon>{SOURCE_STATE_LABELS[state]}</Icon>
      </span>
    </Tooltip>
  );
}
