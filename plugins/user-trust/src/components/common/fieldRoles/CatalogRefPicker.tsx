import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect, useState } from 'react';
import { optionOfRef, PickerOption } from './pickerOptions';
import { useCatalogRefOptions } from './useCatalogRefOptions';

const useStyles = makeStyles({
  option: {
    minWidth: 0,
  },
  optionSecondary: {
    overflowWrap: 'anywhere',
  },
});

/**
 * Picks one catalog entity of the given kinds, searching the catalog as one
 * types (server side, 50 at a time), so it works for catalogs of any size.
 * The value is a full, lower-cased entity ref.
 */
export function CatalogRefPicker(props: {
  label: string;
  kinds: string[];
  value: string | null;
  onChange: (ref: string | null) => void;
  placeholder?: string;
  className?: string;
  size?: 'small' | 'medium';
  helperText?: string;
  /** Known names of refs, e.g. of the current holders. */
  labels?: (ref: string) => string | undefined;
}) {
  const {
    label,
    kinds,
    value,
    onChange,
    placeholder,
    className,
    size = 'small',
    helperText,
    labels,
  } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  const [known] = useState(() => new Map<string, PickerOption>());

  useEffect(() => {
    const timer = setTimeout(() => setTerm(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);

  const { value: options, loading } = useCatalogRefOptions({
    open,
    term,
    kinds,
    known,
  });

  let selected: PickerOption | null = null;
  if (value) {
    if (!known.has(value)) {
      const fallback = optionOfRef(value);
      known.set(value, {
        ...fallback,
        title: labels?.(value) ?? fallback.title,
      });
    }
    selected = known.get(value)!;
  }

  return (
    <Autocomplete<PickerOption>
      className={className}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={selected}
      options={options ?? []}
      loading={loading}
      filterOptions={x => x}
      getOptionLabel={o => o.title}
      getOptionSelected={(o, v) => o.ref === v.ref}
      onChange={(_, option) => onChange(option ? option.ref : null)}
      onInputChange={(_, text, reason) => {
        if (reason === 'input') setInput(text);
        if (reason === 'clear') setInput('');
      }}
      renderOption={o => (
        <Box className={classes.option}>
          <Typography variant="body2">{o.title}</Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            className={classes.optionSecondary}
          >
            {o.secondary}
          </Typography>
        </Box>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          placeholder={placeholder}
          variant="outlined"
          size={size}
          helperText={helperText}
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
        />
      )}
    />
  );
}
