import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { HealthView } from './healthQuery';

export const VIEW_LABELS: Record<HealthView, string> = {
  services: 'Services',
  group: 'By team',
  system: 'By system',
  domain: 'By domain',
};

/** Switches between the service list and its rollups. */
export function ViewSwitch(props: {
  value: HealthView;
  onChange: (view: HealthView) => void;
}) {
  const { value, onChange } = props;
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      aria-label="View"
      // Clicking the selected view again would deselect it: keep it.
      onChange={(_, view: HealthView | null) => view && onChange(view)}
    >
      {(Object.keys(VIEW_LABELS) as HealthView[]).map(view => (
        <ToggleButton key={view} value={view}>
          {VIEW_LABELS[view]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
