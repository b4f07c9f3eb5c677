import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

interface SelectOption {
  value: string;
  label?: string;
  description?: string;
}

/**
 * A select of several values, each option with an optional description;
 * values from a shared link stay selectable when the options lack them.
 */
export function MultiSelect(props: {
  label: string;
  value: string[];
  options: SelectOption[];
  onChange: (value: string[]) => void;
  helperText?: string;
}) {
  const { label, value, onChange, helperText } = props;
  // Keep values from a shared link selectable even when the options do not list them.
  const options: SelectOption[] = [
    ...props.options,
    ...value
      .filter(v => !props.options.some(o => o.value === v))
      .map(v => ({ value: v })),
  ];
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      helperText={helperText}
      onChange={event => {
        const next = event.target.value as unknown as string | string[];
        onChange(typeof next === 'string' ? next.split(',') : next);
      }}
      SelectProps={{
        multiple: true,
        renderValue: selected =>
          (selected as string[]).length === 0
            ? ''
            : (selected as string[]).join(', '),
      }}
    >
      {options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          <Box>
            <Typography variant="body2">{o.label ?? o.value}</Typography>
            {o.description && (
              <Typography
                variant="caption"
                color="text.secondary"
                sx={{ whiteSpace: 'normal', display: 'block', maxWidth: 420 }}
              >
                {o.description}
              </Typography>
            )}
          </Box>
        </MenuItem>
      ))}
    </TextField>
  );
}
