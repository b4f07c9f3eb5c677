import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import type { MaturityLevel } from '@ownership-portal/plugin-ownership-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ownershipTranslationRef } from '../../translation';
import { useMaturityText } from '../shared';

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
function useDescribeLevels(): (levels: readonly number[]) => string {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const maturity = useMaturityText();
  return levels =>
    levels
      .map((count, level) =>
        t('levelBar.level', {
          level: String(level),
          name: maturity.name(level as MaturityLevel),
          count,
        }),
      )
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  const maturity = useMaturityText();
  const describeLevels = useDescribeLevels();
  const total = levels.reduce((sum, n) => sum + n, 0);
  return (
    <Stack spacing={1}>
      <Box
        role="img"
        aria-label={t('levelBar.label', { levels: describeLevels(levels) })}
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
                title={t('levelBar.levelTitle', {
                  level: String(level),
                  name: maturity.name(level as MaturityLevel),
                  count,
                })}
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
                {level} {maturity.name(level as MaturityLevel)}:{' '}
                <strong>{count}</strong>
              </Typography>
            </Stack>
          ))}
        </Box>
      )}
    </Stack>
  );
}
