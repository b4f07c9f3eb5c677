import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import type { MaturityLevel } from '@ownership-portal/plugin-ownership-common';
import { MATURITY_LEVEL_NAMES } from '../shared';

const LEVEL_NAMES = [0, 1, 2, 3, 4].map(
  level => MATURITY_LEVEL_NAMES[level as MaturityLevel],
);

function useLevelColors(): string[] {
  const { palette } = useTheme();
  return [
    palette.error.main,
    palette.warning.main,
    palette.info.main,
    palette.primary.main,
    palette.success.main,
  ];
}

/** Describes a level distribution in words, e.g. for an aria-label. */
export function describeLevels(levels: readonly number[]): string {
  return levels
    .map((count, level) => `level ${level} ${LEVEL_NAMES[level]}: ${count}`)
    .join(', ');
}

/**
 * Services per maturity level as one stacked bar; with `legend`, the counts
 * per level are listed under it.
 */
export function LevelBar(props: {
  levels: readonly number[];
  legend?: boolean;
  height?: number;
}) {
  const { levels, legend, height = 10 } = props;
  const colors = useLevelColors();
  const total = levels.reduce((sum, n) => sum + n, 0);
  return (
    <Stack spacing={1}>
      <Box
        role="img"
        aria-label={`Maturity levels: ${describeLevels(levels)}`}
        sx={{
          display: 'flex',
          height,
          minWidth: 80,
          borderRadius: 1,
          overflow: 'hidden',
          bgcolor: 'action.hover',
        }}
      >
        {total > 0 &&
          levels.map((count, level) =>
            count > 0 ? (
              <Box
                key={level}
                title={`Level ${level} ${LEVEL_NAMES[level]}: ${count}`}
                sx={{
                  width: `${(count / total) * 100}%`,
                  bgcolor: colors[level],
                }}
              />
            ) : null,
          )}
      </Box>
      {legend && (
        <Box
          component="ul"
          sx={{
            m: 0,
            p: 0,
            listStyle: 'none',
            display: 'grid',
            gap: 0.5,
            gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
          }}
        >
          {levels.map((count, level) => (
            <Stack
              component="li"
              key={level}
              direction="row"
              spacing={1}
              alignItems="center"
            >
              <Box
                aria-hidden="true"
                sx={{
                  width: 12,
                  height: 12,
                  borderRadius: '2px',
                  bgcolor: colors[level],
                  flexShrink: 0,
                }}
              />
              <Typography variant="body2">
                {level} {LEVEL_NAMES[level]}: <strong>{count}</strong>
              </Typography>
            </Stack>
          ))}
        </Box>
      )}
    </Stack>
  );
}
