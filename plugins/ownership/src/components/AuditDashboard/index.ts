export { AuditDashboard } from './AuditDashboard';
