import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { Severity } from '@ownership-portal/plugin-ownership-common';

const SEVERITY_NAMES: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** An icon for a finding's severity, named for screen readers. */
export function SeverityIcon(props: {
  severity: Severity;
  fontSize?: 'inherit' | 'small' | 'medium';
}) {
  const { severity, fontSize = 'small' } = props;
  const title = SEVERITY_NAMES[severity] ?? severity;
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
