/** Kept as its own module name for the many importers; the errors live in `invalid-input.ts`. */
export { InvalidInput, UserError } from './invalid-input.js';
