export { ReadStateNote, StaleCopyChip, UnknownReadChip } from './ReadStateNote';
export { readStateText, staleText, unknownText } from './readStateText';
