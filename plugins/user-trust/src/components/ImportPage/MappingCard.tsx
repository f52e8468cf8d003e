import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import SaveOutlined from '@material-ui/icons/SaveOutlined';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  SIGNAL_IMPORT_FIELDS,
  SIGNAL_KIND_LABELS,
  SIGNAL_KINDS,
  SIGNAL_SEVERITIES,
  SignalImportField,
  SignalImportMapping,
  SignalKind,
  SignalSeverity,
} from '@user-trust/plugin-user-trust-common';
import { DefaultableField, FIELD_INFO } from './importMapping';
import { SignalImport } from './useSignalImport';

const useStyles = makeStyles(theme => ({
  fieldCell: {
    width: '32%',
    verticalAlign: 'top',
  },
  inputCell: {
    verticalAlign: 'top',
  },
  required: {
    color: theme.palette.error.main,
    marginLeft: theme.spacing(0.5),
  },
  select: {
    minWidth: theme.spacing(28),
  },
  attributes: {
    marginTop: theme.spacing(3),
  },
}));

/** The fields a constant can stand in for, with their inputs. */
const DEFAULTABLE: DefaultableField[] = ['kind', 'entityRef', 'severity'];

function isDefaultable(field: SignalImportField): field is DefaultableField {
  return (DEFAULTABLE as string[]).includes(field);
}

/** A column the mapping names that the chosen file does not have. */
function missingLabel(column: string) {
  return `${column} (not in this file)`;
}

/** The column select of one field; mapped columns of a saved mapping stay. */
function ColumnSelect(props: {
  field: SignalImportField;
  columns: string[];
  value: string | undefined;
  disabled: boolean;
  onChange: (column: string | undefined) => void;
}) {
  const { field, columns, value, disabled, onChange } = props;
  const classes = useStyles();
  const label = FIELD_INFO[field].label;
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      className={classes.select}
      value={value ?? ''}
      disabled={disabled}
      onChange={e => onChange(e.target.value || undefined)}
      SelectProps={{ native: true }}
      inputProps={{ 'aria-label': `Column of ${label}` }}
      error={value !== undefined && !columns.includes(value)}
    >
      <option value="">No column</option>
      {value !== undefined && !columns.includes(value) && (
        <option value={value}>{missingLabel(value)}</option>
      )}
      {columns.map(column => (
        <option key={column} value={column}>
          {column}
        </option>
      ))}
    </TextField>
  );
}

/** The constant of a field that no column (or an empty cell) gives. */
function ConstantInput(props: {
  field: DefaultableField;
  mapping: SignalImportMapping;
  disabled: boolean;
  onChange: (value: string | undefined) => void;
}) {
  const { field, mapping, disabled, onChange } = props;
  const classes = useStyles();
  const value = mapping.defaults?.[field] ?? '';
  const label = `Constant ${FIELD_INFO[field].label.toLocaleLowerCase(
    'en-US',
  )}`;
  if (field === 'entityRef') {
    return (
      <TextField
        size="small"
        variant="outlined"
        className={classes.select}
        value={value}
        disabled={disabled}
        placeholder="component:default/checkout-api"
        onChange={e => onChange(e.target.value || undefined)}
        inputProps={{ 'aria-label': label }}
      />
    );
  }
  const options: Array<{ value: string; label: string }> =
    field === 'kind'
      ? SIGNAL_KINDS.map((kind: SignalKind) => ({
          value: kind,
          label: SIGNAL_KIND_LABELS[kind],
        }))
      : SIGNAL_SEVERITIES.map((severity: SignalSeverity) => ({
          value: severity,
          label: severity,
        }));
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      className={classes.select}
      value={value}
      disabled={disabled}
      onChange={e => onChange(e.target.value || undefined)}
      SelectProps={{ native: true }}
      inputProps={{ 'aria-label': label }}
    >
      <option value="">None</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/**
 * The column mapping: for each signal field a column of the file, or a
 * constant (kind, entity, severity); the columns kept as attributes; and
 * the button that saves the mapping for the source.
 */
export function MappingCard(props: {
  signalImport: SignalImport;
  canSave: boolean;
}) {
  const { signalImport, canSave } = props;
  const { mapping, setMapping, source, saving, saveMapping, busy } =
    signalImport;
  const columns = signalImport.columns ?? [];
  const classes = useStyles();
  const disabled = busy === 'importing';
  const attributes = mapping.attributes ?? [];

  const setColumn = (field: SignalImportField, column: string | undefined) =>
    setMapping(m => ({ ...m, columns: { ...m.columns, [field]: column } }));
  const setConstant = (field: DefaultableField, value: string | undefined) =>
    setMapping(m => ({ ...m, defaults: { ...m.defaults, [field]: value } }));

  return (
    <InfoCard
      title="Columns"
      subheader={
        signalImport.mappingFromSaved
          ? `The saved mapping of ${source.trim()}`
          : 'Which column of the file holds which signal field'
      }
      action={
        canSave ? (
          <Box pt={1} pr={1}>
            <Button
              variant="outlined"
              color="primary"
              startIcon={<SaveOutlined />}
              disabled={!source.trim() || saving || disabled}
              onClick={saveMapping}
            >
              {saving ? 'Saving…' : 'Save mapping'}
            </Button>
          </Box>
        ) : undefined
      }
    >
      <Table size="small" aria-label="Column mapping">
        <TableHead>
          <TableRow>
            <TableCell>Signal field</TableCell>
            <TableCell>Column of the file</TableCell>
            <TableCell>Or a constant</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {SIGNAL_IMPORT_FIELDS.map(field => {
            const info = FIELD_INFO[field];
            return (
              <TableRow key={field} data-testid={`mapping-${field}`}>
                <TableCell className={classes.fieldCell}>
                  <Typography variant="body2">
                    <strong>{info.label}</strong>
                    {info.required && (
                      <span className={classes.required} title="Required">
                        *
                      </span>
                    )}
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {info.hint}
                  </Typography>
                </TableCell>
                <TableCell className={classes.inputCell}>
                  <ColumnSelect
                    field={field}
                    columns={columns}
                    value={mapping.columns[field]}
                    disabled={disabled}
                    onChange={column => setColumn(field, column)}
                  />
                </TableCell>
                <TableCell className={classes.inputCell}>
                  {isDefaultable(field) && (
                    <ConstantInput
                      field={field}
                      mapping={mapping}
                      disabled={disabled}
                      onChange={value => setConstant(field, value)}
                    />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Autocomplete
        multiple
        className={classes.attributes}
        options={columns}
        value={attributes}
        disabled={disabled}
        filterSelectedOptions
        onChange={(_, value) =>
          setMapping(m => ({ ...m, attributes: value.slice(0, 50) }))
        }
        renderTags={(value, getTagProps) =>
          value.map((column, index) => {
            const { key, ...tagProps } = getTagProps({ index }) as {
              key: string;
            };
            return (
              <Chip
                key={key}
                size="small"
                label={columns.includes(column) ? column : missingLabel(column)}
                color={columns.includes(column) ? 'default' : 'secondary'}
                {...tagProps}
              />
            );
          })
        }
        renderInput={params => (
          <TextField
            {...params}
            variant="outlined"
            label="Columns kept as attributes"
            helperText="Stored with each signal under the column's name, e.g. a ticket's channel or plan"
          />
        )}
      />
    </InfoCard>
  );
}
