import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { HealthFacets } from '@user-trust/plugin-user-trust-common';
import { humanizeRef } from '../common/healthFormat';

/**
 * Picks several values of one filter among those present in the catalog
 * (the facets of the health list), with their counts. Refs show as the
 * catalog presents them (a group's title, "Payments Team"); typing matches
 * the ref without the expected kind and default namespace ("payments").
 */
export function FacetFilter(props: {
  label: string;
  options: HealthFacets[keyof HealthFacets];
  value: string[];
  onChange: (values: string[]) => void;
  /** The kind of the refs of this filter; plain values when absent. */
  refKind?: string;
  className?: string;
  /** Test id of the whole control, chips included. */
  testId?: string;
}) {
  const { label, options, value, onChange, refKind, className, testId } = props;
  const counts = new Map(options.map(o => [o.value, o.count]));
  const display = (v: string) => (refKind ? humanizeRef(v, refKind) : v);
  const presented = (v: string) =>
    refKind ? (
      <EntityDisplayName entityRef={v} defaultKind={refKind} hideIcon />
    ) : (
      v
    );
  return (
    <Autocomplete<string, true>
      multiple
      size="small"
      className={className}
      data-testid={testId}
      options={options.map(o => o.value)}
      value={value}
      onChange={(_, values) => onChange(values)}
      getOptionLabel={display}
      renderOption={option => {
        const count = counts.get(option);
        return (
          <>
            {presented(option)}
            {count === undefined ? '' : `\u00a0(${count})`}
          </>
        );
      }}
      renderTags={(selected, getTagProps) =>
        selected.map((option, index) => (
          <Chip
            {...getTagProps({ index })}
            key={option}
            size="small"
            label={presented(option)}
          />
        ))
      }
      filterSelectedOptions
      renderInput={params => (
        <TextField {...params} variant="outlined" label={label} />
      )}
    />
  );
}
