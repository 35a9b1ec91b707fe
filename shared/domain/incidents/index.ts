export * from './references';
export * from './riddor';
export * from './history';
export * from './status';
export * from './occurrenceLog';
export * from './search';
export * from './londonDate';
