import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { deleteVolumeMetadata, unsetVolumeImageMetadata } from '../../api/resources/volume-actions.js';
import type { FactoryProvider } from '../../cli/command.js';
import { definePropertyUnset } from '../../cli/property-unset.js';
import { volumeLabel } from '../../cli/wait/volume.js';

export function registerVolumeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return definePropertyUnset(parent, factoryFor, {
    noun: 'volume',
    examples: ['ucinder volume unset --property owner vol1', 'ucinder volume unset --property a --property b vol1', 'ucinder volume unset --image-property hw_disk_bus vol1'],
    find: findVolume,
    label: volumeLabel,
    deleteKey: (session, volume, key) => deleteVolumeMetadata(session, volume.id, key),
    deleteImageKey: (session, volume, key) => unsetVolumeImageMetadata(session, volume.id, key),
  });
}
