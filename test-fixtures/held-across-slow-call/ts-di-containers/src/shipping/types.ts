export const TYPES = {
  Db: Symbol.for('Db'),
  Payments: Symbol.for('Payments'),
};
