export {
  useCursorPages,
  type CursorPages,
  type CursorPagesOptions,
  type CursorPagination,
  type PageRequest,
} from './useCursorPages';
