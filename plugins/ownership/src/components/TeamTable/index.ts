export { TeamTable } from './TeamTable';
export { LevelBar } from './LevelBar';
