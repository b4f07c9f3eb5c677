import {
  type TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type {
  Finding,
  Severity,
} from '@ownership-portal/plugin-ownership-common';
import { useId, useState } from 'react';
import { ownershipTranslationRef } from '../../../translation';
import { SeverityIcon } from './SeverityIcon';

const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Findings, most severe first; the order of the audit within a severity. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.finding.severity] ?? 3) -
          (SEVERITY_ORDER[b.finding.severity] ?? 3) || a.index - b.index,
    )
    .map(({ finding }) => finding);
}

/**
 * `1 error, 2 warnings`; `t` is the plugin's translation function
 * (`useTranslationRef(ownershipTranslationRef).t`).
 */
export function severitySummary(
  findings: Finding[],
  t: TranslationFunction<typeof ownershipTranslationRef.T>,
): string {
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of findings) {
    counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  }
  return [
    counts.error
      ? t('findingsList.errors', { count: counts.error })
      : undefined,
    counts.warning
      ? t('findingsList.warnings', { count: counts.warning })
      : undefined,
    counts.info ? t('findingsList.info', { count: counts.info }) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

function FindingItems(props: { findings: Finding[]; label: string }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Box
      component="ul"
      aria-label={props.label}
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
      {sortFindings(props.findings).map((finding, i) => (
        <Box
          component="li"
          key={`${finding.ruleId}-${i}`}
          sx={{ display: 'flex', gap: 1, py: 0.75 }}
        >
          <Box sx={{ pt: 0.25, lineHeight: 0 }}>
            <SeverityIcon severity={finding.severity} />
          </Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2">{finding.message}</Typography>
            <Typography variant="body2" color="text.secondary">
              <strong>{t('findingsList.fix')}</strong> {finding.remediation}
            </Typography>
            <Typography
              variant="caption"
              color="text.secondary"
              component="code"
            >
              {finding.ruleId}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** Props of {@link FindingsList}. */
interface FindingsListProps {
  findings: Finding[];
  /** Shows only the counts and a button that expands the list. */
  collapsible?: boolean;
}

/**
 * The audit findings of an entity with severity icons and what to change to
 * fix each; optionally collapsed behind a summary.
 */
export function FindingsList(props: FindingsListProps) {
  const { findings, collapsible } = props;
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { t } = useTranslationRef(ownershipTranslationRef);

  if (findings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('findingsList.none')}
      </Typography>
    );
  }
  if (!collapsible) {
    return <FindingItems findings={findings} label={t('findingsList.label')} />;
  }
  return (
    <Box>
      <Stack direction="row" alignItems="center" spacing={1}>
        <Typography variant="body2">
          {t('findingsList.openFindings', {
            count: findings.length,
            summary: severitySummary(findings, t),
          })}
        </Typography>
        <Button
          size="small"
          onClick={() => setOpen(o => !o)}
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        >
          {open ? t('findingsList.hide') : t('findingsList.show')}
        </Button>
      </Stack>
      <Collapse in={open} id={listId} unmountOnExit>
        <FindingItems findings={findings} label={t('findingsList.label')} />
      </Collapse>
    </Box>
  );
}
