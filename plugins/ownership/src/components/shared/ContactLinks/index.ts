export { ContactLinks } from './ContactLinks';
