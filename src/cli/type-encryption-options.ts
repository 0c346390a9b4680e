import { Option, type Command } from 'commander';
import { ENCRYPTION_CONTROL_LOCATIONS, type TypeEncryptionRequest } from '../api/resources/volume-type-encryption.js';
import { positiveInteger } from './option-parsers.js';
import { choice, option, type OptionExtras } from './option-spec.js';

/** openstack's --encryption-* flags of `volume type create` and `volume type set`. */
export interface EncryptionFlags {
  encryptionProvider?: string;
  encryptionCipher?: string;
  encryptionKeySize?: number;
  encryptionControlLocation?: string;
}

/** The --encryption-* options; `extras` apply to each (`set` marks them as changes). */
export function encryptionOptions(extras: OptionExtras = {}) {
  return {
    encryptionProvider: option('--encryption-provider <provider>', 'encryption provider, e.g. luks or plain (admin; needed when the type has no encryption yet)', extras),
    encryptionCipher: option('--encryption-cipher <cipher>', 'encryption algorithm or mode, e.g. aes-xts-plain64 (admin)', extras),
    encryptionKeySize: option('--encryption-key-size <key-size>', 'encryption key size in bits, e.g. 256 (admin)', { ...extras, parse: positiveInteger }),
    encryptionControlLocation: choice(
      '--encryption-control-location <control-location>',
      'where encryption happens (admin; front-end when the encryption is new)',
      ENCRYPTION_CONTROL_LOCATIONS,
      extras,
    ),
  };
}

export function addEncryptionOptions(command: Command): Command {
  return command
    .option('--encryption-provider <provider>', 'encryption provider, e.g. luks or plain (admin; needed when the type has no encryption yet)')
    .option('--encryption-cipher <cipher>', 'encryption algorithm or mode, e.g. aes-xts-plain64 (admin)')
    .option('--encryption-key-size <key-size>', 'encryption key size in bits, e.g. 256 (admin)', positiveInteger)
    .addOption(
      new Option('--encryption-control-location <control-location>', 'where encryption happens (admin; front-end when the encryption is new)').choices(
        ENCRYPTION_CONTROL_LOCATIONS,
      ),
    );
}

export function encryptionRequested(flags: EncryptionFlags): boolean {
  return [flags.encryptionProvider, flags.encryptionCipher, flags.encryptionKeySize, flags.encryptionControlLocation].some((flag) => flag !== undefined);
}

/**
 * A new encryption, as openstack creates it: every field sent (none for a
 * cipher or key size not given), the control location front-end by default.
 */
export function newEncryption(flags: EncryptionFlags): TypeEncryptionRequest {
  return {
    provider: flags.encryptionProvider,
    cipher: flags.encryptionCipher ?? null,
    key_size: flags.encryptionKeySize ?? null,
    control_location: flags.encryptionControlLocation ?? 'front-end',
  };
}

/** A change to an existing encryption: only the fields given. */
export function encryptionChanges(flags: EncryptionFlags): TypeEncryptionRequest {
  return {
    provider: flags.encryptionProvider,
    cipher: flags.encryptionCipher,
    key_size: flags.encryptionKeySize,
    control_location: flags.encryptionControlLocation,
  };
}
