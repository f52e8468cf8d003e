import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useRef, useState } from 'react';

/** How long typing must pause before the search is applied. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Free-text search that reports its text once typing pauses, so that the
 * list is not reloaded for every key. A value changed from outside (e.g.
 * "Clear filters") replaces the text.
 */
export function SearchField(props: {
  value: string;
  onChange: (text: string) => void;
  className?: string;
}) {
  const { value, onChange, className } = props;
  const [text, setText] = useState(value);
  // What was last reported, to tell our own changes from outside ones;
  // compared trimmed since the URL keeps the search trimmed.
  const reported = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (value.trim() !== reported.current.trim()) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === reported.current.trim()) return undefined;
    const timer = setTimeout(() => {
      reported.current = text;
      onChangeRef.current(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <TextField
      size="small"
      variant="outlined"
      id="user-trust-health-search"
      label="Search"
      placeholder="Name, title, owner, system"
      className={className}
      value={text}
      onChange={e => setText(e.target.value)}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
      inputProps={{ type: 'search' }}
    />
  );
}
