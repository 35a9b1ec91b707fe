/** Attendance rules: late and no-show, paid time, the desk's board, timesheets, cover achieved and reports. */
export * from './status';
export * from './lateness';
export * from './paid';
export * from './assignments';
export * from './board';
export * from './coverShift';
export * from './signInWindow';
export * from './coverAchieved';
export * from './presence';
export * from './timesheet';
export * from './workingTime';
export * from './reports';
