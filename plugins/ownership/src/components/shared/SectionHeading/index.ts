export { SectionHeading } from './SectionHeading';
export { Section } from './Section';
