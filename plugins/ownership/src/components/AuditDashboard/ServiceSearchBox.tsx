import { useTranslationRef } from '@backstage/frontend-plugin-api';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ownershipTranslationRef } from '../../translation';

/** True when a key press goes to something the user types into. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.getAttribute('role') === 'combobox' ||
    target.getAttribute('role') === 'textbox'
  );
}

/**
 * "Find a service…": focused by pressing `/` anywhere on the page (except
 * while typing elsewhere); Enter opens the incident lookup with the text.
 */
export function ServiceSearchBox() {
  const navigate = useNavigate();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.key !== '/' ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        event.defaultPrevented ||
        isEditable(event.target)
      ) {
        return;
      }
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <Box
      component="form"
      role="search"
      onSubmit={event => {
        event.preventDefault();
        const q = text.trim();
        if (q) {
          navigate(`lookup?q=${encodeURIComponent(q)}`);
        }
      }}
    >
      <TextField
        fullWidth
        type="search"
        label={t('serviceSearchBox.label')}
        placeholder={t('serviceSearchBox.placeholder')}
        helperText={t('serviceSearchBox.helperText')}
        value={text}
        onChange={event => setText(event.target.value)}
        inputRef={inputRef}
        inputProps={{ 'aria-keyshortcuts': '/' }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
          endAdornment: (
            <InputAdornment position="end">
              <Box
                component="kbd"
                aria-hidden="true"
                sx={{
                  px: 0.75,
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                  fontFamily: 'monospace',
                  color: 'text.secondary',
                }}
              >
                /
              </Box>
            </InputAdornment>
          ),
        }}
      />
    </Box>
  );
}
