import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { HealthFacets } from '@user-trust/plugin-user-trust-common';
import { humanizeRef } from '../common/healthFormat';

/**
 * Picks several values of one filter among those present in the catalog
 * (the facets of the health list), with their counts. Refs show without the
 * expected kind and the default namespace: "payments", not
 * "group:default/payments".
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
        return count === undefined
          ? display(option)
          : `${display(option)} (${count})`;
      }}
      filterSelectedOptions
      renderInput={params => (
        <TextField {...params} variant="outlined" label={label} />
      )}
    />
  );
}
