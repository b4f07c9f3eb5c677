export * from './overview';
export * from './owners';
export * from './services';
export * from './teams';
export * from './summary';
export * from './lookup';
export * from './oncall';
export * from './docs';
