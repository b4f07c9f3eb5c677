import { useTranslationRef } from '@backstage/frontend-plugin-api';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { Severity } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

/** An icon for a finding's severity, named for screen readers. */
export function SeverityIcon(props: {
  severity: Severity;
  fontSize?: 'inherit' | 'small' | 'medium';
}) {
  const { severity, fontSize = 'small' } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const title = SEVERITIES.includes(severity)
    ? t(`severity.${severity}`)
    : severity;
  switch (severity) {
    case 'error':
      return (
        <ErrorOutlineIcon
          color="error"
          fontSize={fontSize}
          titleAccess={title}
        />
      );
    case 'warning':
      return (
        <WarningAmberIcon
          color="warning"
          fontSize={fontSize}
          titleAccess={title}
        />
      );
    default:
      return (
        <InfoOutlinedIcon
          color="info"
          fontSize={fontSize}
          titleAccess={title}
        />
      );
  }
}
