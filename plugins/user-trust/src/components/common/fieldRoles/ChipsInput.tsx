import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** Free-text chips, e.g. customer account names. */
export function ChipsInput(props: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  helperText?: string;
  className?: string;
}) {
  const { label, value, onChange, placeholder, helperText, className } = props;
  return (
    <Autocomplete<string, true, false, true>
      className={className}
      multiple
      freeSolo
      autoSelect
      options={[]}
      value={value}
      onChange={(_, next) =>
        onChange(
          Array.from(
            new Set(next.map(v => String(v).trim()).filter(v => v !== '')),
          ),
        )
      }
      renderTags={(tags, getTagProps) =>
        tags.map((tag, index) => {
          const { key, ...tagProps } = getTagProps({ index }) as {
            key: string;
          };
          return <Chip key={key} size="small" label={tag} {...tagProps} />;
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          placeholder={value.length === 0 ? placeholder : undefined}
          helperText={helperText}
          variant="outlined"
          size="small"
        />
      )}
    />
  );
}
