import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { makeStyles } from '@material-ui/core/styles';
import {
  HealthFacets,
  HealthFilter,
} from '@user-trust/plugin-user-trust-common';
import { ReactNode } from 'react';
import { FacetFilter } from './FacetFilter';
import { hasFilters } from './healthQuery';
import { SearchField } from './SearchField';

/** `holder=me`: the caller and the groups they belong to. */
export const MY_SERVICES_HOLDER = 'me';

/** The multi-select filters, fed from the facets of the same name. */
const FACET_FILTERS: Array<{
  key: keyof HealthFacets;
  label: string;
  refKind?: string;
}> = [
  { key: 'owner', label: 'Team', refKind: 'group' },
  { key: 'system', label: 'System', refKind: 'system' },
  { key: 'domain', label: 'Domain', refKind: 'domain' },
  { key: 'kind', label: 'Kind' },
  { key: 'type', label: 'Type' },
  { key: 'lifecycle', label: 'Lifecycle' },
];

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  filter: {
    width: theme.spacing(28),
    maxWidth: '100%',
  },
  search: {
    width: theme.spacing(36),
    maxWidth: '100%',
  },
  spacer: {
    flex: 1,
  },
}));

/**
 * The filters of the health page: facets, free text, the dissonance and
 * blind-spot flags and "My services". Also hosts the actions that act on
 * the filtered list (clear, export), passed in as `actions`.
 */
export function HealthFilterBar(props: {
  filter: HealthFilter;
  facets: HealthFacets | undefined;
  onChange: (patch: Partial<HealthFilter>) => void;
  onClear: () => void;
  actions?: ReactNode;
}) {
  const { filter, facets, onChange, onClear, actions } = props;
  const classes = useStyles();
  const holders = filter.holder ?? [];
  const mine = holders.includes(MY_SERVICES_HOLDER);

  return (
    <Box component="section" aria-label="Filters">
      <Box className={classes.row}>
        <SearchField
          className={classes.search}
          value={filter.q ?? ''}
          onChange={q => onChange({ q })}
        />
        <FormControlLabel
          control={
            <Switch
              checked={mine}
              onChange={(_, on) =>
                onChange({
                  holder: on
                    ? [...holders, MY_SERVICES_HOLDER]
                    : holders.filter(h => h !== MY_SERVICES_HOLDER),
                })
              }
            />
          }
          label="My services"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={filter.dissonance ?? false}
              onChange={(_, on) => onChange({ dissonance: on || undefined })}
            />
          }
          label="Dissonance only"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={filter.blindSpot ?? false}
              onChange={(_, on) => onChange({ blindSpot: on || undefined })}
            />
          }
          label="Blind spots only"
        />
        <Box className={classes.spacer} />
        <Button onClick={onClear} disabled={!hasFilters(filter)}>
          Clear filters
        </Button>
        {actions}
      </Box>
      <Box className={classes.row}>
        {FACET_FILTERS.map(({ key, label, refKind }) => (
          <FacetFilter
            key={key}
            className={classes.filter}
            label={label}
            testId={`filter-${key}`}
            refKind={refKind}
            options={facets?.[key] ?? []}
            value={filter[key] ?? []}
            onChange={values => onChange({ [key]: values })}
          />
        ))}
      </Box>
    </Box>
  );
}
