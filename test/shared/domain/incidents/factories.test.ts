import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../../../shared/schemas/incident';
import { logEntrySchema } from '../../../../shared/schemas/occurrence';
import { makeIncident, makeLogEntry } from './factories';

describe('test factories', () => {
  it('make records the schemas accept', () => {
    expect(incidentSchema.safeParse(makeIncident()).success).toBe(true);
    expect(logEntrySchema.safeParse(makeLogEntry()).success).toBe(true);
  });
});
