export { AuditDashboard, dashboardShares } from './AuditDashboard';
