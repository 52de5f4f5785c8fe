import type { EnqueueReport } from '../../domain/fleet-view.js';
import { UserError } from '../../domain/invalid-input.js';

/** `kgap fleet scan --queue`: placeholder until the queue lands. */
export async function enqueueFleetScan(_db: string | undefined, _names: readonly string[]): Promise<EnqueueReport> {
  throw new UserError('--queue is not available yet');
}
