export { ReadStateNote, StaleCopyChip, UnknownReadChip } from './ReadStateNote';
export { readStateTexts, type ReadStateTexts } from './readStateText';
