export { useCursorPages, type PageRequest } from './useCursorPages';
