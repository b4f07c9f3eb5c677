export { TeamTable, type TeamTableProps, type TeamOrderBy } from './TeamTable';
export { LevelBar, describeLevels } from './LevelBar';
