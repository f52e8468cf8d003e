import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  fieldRoleAnnotation,
  FieldRoleRequirement,
  FieldRoleType,
  matchesEntityFilter,
  toStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { ReactNode, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';

/** The catalog fields needed to show a holder (user or group). */
export const HOLDER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile',
];

/** The catalog fields needed to show an entity in a picker. */
const PICKER_FIELDS = [...HOLDER_FIELDS, 'spec.type'];

/** "TAM" for short ids, the title otherwise ("Support lead"). */
export function roleShortName(role: FieldRoleType): string {
  return role.id.length <= 4 ? role.id.toLocaleUpperCase('en-US') : role.title;
}

/** The title of a role id, or the id itself for an unknown role. */
export function roleTitle(
  roles: FieldRoleType[] | undefined,
  id: string,
): string {
  return roles?.find(r => r.id === id)?.title ?? id;
}

function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * Why a role is required of an entity, in words: "tier-1 services". Uses the
 * first requirement matching the entity's kind, type and lifecycle (the tier
 * label is configured on the backend only, so it is not checked here).
 */
export function describeRequirement(
  role: FieldRoleType,
  entity: Entity,
): string {
  const type =
    typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
  const lifecycle =
    typeof entity.spec?.lifecycle === 'string'
      ? entity.spec.lifecycle
      : undefined;
  const requirement: FieldRoleRequirement | undefined = role.requiredFor.find(
    r => matchesEntityFilter(r, entity),
  );
  if (!requirement) {
    return `required for this ${entity.kind.toLocaleLowerCase('en-US')}`;
  }
  const noun = plural(
    requirement.type?.length && type
      ? type
      : entity.kind.toLocaleLowerCase('en-US'),
  );
  const words = [
    requirement.tier?.length ? requirement.tier.join(' or ') : undefined,
    requirement.lifecycle?.length && lifecycle ? lifecycle : undefined,
    noun,
  ].filter(Boolean);
  return `required for ${words.join(' ')}`;
}

/** The configured role types. */
export function useFieldRoleTypes() {
  const api = useApi(userTrustApiRef);
  const { value, loading, error } = useAsync(
    async () => (await api.getFieldRoleTypes()).roles,
    [api],
  );
  return { roles: value, loading, error };
}

/** What the UI shows of a user or group. */
export type HolderInfo = {
  ref: string;
  kind: string;
  displayName: string;
  email?: string;
  picture?: string;
  /** False when the ref names no entity of the catalog. */
  inCatalog: boolean;
};

/** The display data of a holder ref, from its catalog entity when known. */
export function holderInfo(ref: string, entity?: Entity): HolderInfo {
  let kind = 'user';
  let name = ref;
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    kind = parsed.kind.toLocaleLowerCase('en-US');
    name =
      parsed.namespace === 'default'
        ? parsed.name
        : `${parsed.namespace}/${parsed.name}`;
  } catch {
    // Show a malformed ref as it is.
  }
  const profile = (entity?.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  return {
    ref,
    kind,
    displayName: profile.displayName || entity?.metadata.title || name,
    email: profile.email || undefined,
    picture: profile.picture || undefined,
    inCatalog: Boolean(entity),
  };
}

/**
 * Loads the users and groups behind holder refs from the catalog in one
 * request; refs the catalog does not know (or a failing catalog) still get
 * a name from the ref.
 */
export async function loadHolderInfos(
  catalogApi: typeof catalogApiRef.T,
  refs: string[],
): Promise<(ref: string) => HolderInfo> {
  const unique = Array.from(
    new Set(refs.map(r => r.toLocaleLowerCase('en-US'))),
  );
  const byRef = new Map<string, Entity>();
  if (unique.length > 0) {
    try {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: unique,
        fields: HOLDER_FIELDS,
      });
      items.forEach((entity, i) => {
        if (entity) byRef.set(unique[i], entity);
      });
    } catch {
      // Names from the refs are better than no list at all.
    }
  }
  return (ref: string) =>
    holderInfo(ref, byRef.get(ref.toLocaleLowerCase('en-US')));
}

/** {@link loadHolderInfos} as a hook. */
export function useHolderInfos(refs: string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = Array.from(new Set(refs)).sort().join('\n');
  const { value, loading } = useAsync(
    () => loadHolderInfos(catalogApi, key ? key.split('\n') : []),
    [catalogApi, key],
  );
  const get = (ref: string) => (value ? value(ref) : holderInfo(ref));
  return { loading, get };
}

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  chip: {
    margin: 0,
  },
  option: {
    minWidth: 0,
  },
  optionSecondary: {
    overflowWrap: 'anywhere',
  },
}));

/** The customer accounts of an assignment; none means all accounts. */
export function AccountChips(props: { accounts: string[] }) {
  const { accounts } = props;
  const classes = useStyles();
  return (
    <Box className={classes.chips} component="span">
      {accounts.length === 0 ? (
        <Chip
          size="small"
          variant="outlined"
          className={classes.chip}
          label="all accounts"
        />
      ) : (
        accounts.map(account => (
          <Chip
            key={account}
            size="small"
            className={classes.chip}
            label={account}
          />
        ))
      )}
    </Box>
  );
}

/** "from catalog annotation": a read-only seed from the entity's YAML. */
export function CatalogSourceBadge(props: { role: string }) {
  const classes = useStyles();
  return (
    <Tooltip
      title={`Seeded from the entity's ${fieldRoleAnnotation(
        props.role,
      )} annotation; read-only here. Registering holders for this role overrides it.`}
    >
      <Chip
        size="small"
        variant="outlined"
        className={classes.chip}
        label="from catalog annotation"
      />
    </Tooltip>
  );
}

/** A user, group or other entity as a link to its catalog page. */
export function RefLink(props: {
  entityRef: string;
  defaultKind?: string;
  children?: ReactNode;
}) {
  const { entityRef, defaultKind, children } = props;
  try {
    parseEntityRef(entityRef, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return <>{entityRef}</>;
  }
  return (
    <EntityRefLink
      entityRef={entityRef}
      defaultKind={defaultKind}
      defaultNamespace="default"
    >
      {children}
    </EntityRefLink>
  );
}

/** An entity offered by {@link CatalogRefPicker}. */
type PickerOption = {
  ref: string;
  title: string;
  secondary?: string;
};

function toOption(entity: Entity): PickerOption {
  const ref = toStoredEntityRef(entity);
  const info = holderInfo(ref, entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const type =
    typeof entity.spec?.type === 'string' ? ` · ${entity.spec.type}` : '';
  return {
    ref,
    title: info.displayName,
    secondary: `${kind}${type} · ${info.email ?? ref}`,
  };
}

function optionOfRef(ref: string): PickerOption {
  const info = holderInfo(ref);
  return { ref, title: info.displayName, secondary: ref };
}

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
  const catalogApi = useApi(catalogApiRef);
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  const [known] = useState(() => new Map<string, PickerOption>());

  useEffect(() => {
    const timer = setTimeout(() => setTerm(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);

  const kindsKey = kinds.join(',');
  const { value: options, loading } = useAsync(async () => {
    if (!open) return [];
    const response = await catalogApi.queryEntities({
      filter: kindsKey.split(',').map(kind => ({ kind })),
      fullTextFilter: term
        ? {
            term,
            fields: [
              'metadata.name',
              'metadata.title',
              'spec.profile.displayName',
              'spec.profile.email',
            ],
          }
        : undefined,
      orderFields: { field: 'metadata.name', order: 'asc' },
      fields: PICKER_FIELDS,
      limit: 50,
    });
    const result = response.items.map(toOption);
    // Keep the first option object of a ref: the picker's value must stay
    // the same object, or MUI resets the text being typed.
    result.forEach(o => {
      if (!known.has(o.ref)) known.set(o.ref, o);
    });
    return result;
  }, [catalogApi, open, term, kindsKey]);

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
