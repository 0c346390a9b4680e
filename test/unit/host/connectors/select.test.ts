import { describe, expect, it } from 'vitest';
import { connectorFor } from '../../../../src/host/connectors/select.js';

describe('protocol selection', () => {
  it('names the supported types for anything else', () => {
    expect(() => connectorFor('fibre_channel')).toThrow("driver_volume_type 'fibre_channel' is not supported by ucinder on the host (supported: iscsi, rbd, nvmeof)");
  });
});
