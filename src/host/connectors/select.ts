import { UcinderError } from '../../errors.js';
import { IscsiConnector } from './iscsi.js';
import { NvmeofConnector } from './nvmeof.js';
import type { ProtocolConnector } from './protocol.js';
import { RbdConnector } from './rbd.js';

const SUPPORTED_PROTOCOLS = ['iscsi', 'rbd', 'nvmeof'] as const;

/** The host side of a driver_volume_type; Cinder spells them in lower case. */
export function connectorFor(driverVolumeType: string): ProtocolConnector {
  switch (driverVolumeType.toLowerCase()) {
    case 'iscsi':
      return new IscsiConnector();
    case 'rbd':
      return new RbdConnector();
    case 'nvmeof':
      return new NvmeofConnector();
    default:
      throw new UcinderError(`driver_volume_type '${driverVolumeType}' is not supported by ucinder on the host (supported: ${SUPPORTED_PROTOCOLS.join(', ')})`);
  }
}
