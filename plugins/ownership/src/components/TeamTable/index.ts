export { TeamTable, type TeamTableProps, type TeamOrderBy } from './TeamTable';
export { LevelBar } from './LevelBar';
