"""File-backed Cinder volume driver for the ucinder test bed.

Loaded by cinder-volume with::

    [mmj]
    volume_backend_name = mmj
    volume_driver = ucinder_testbed_driver.UcinderFileDriver
    ucinder_protocol = iscsi          # or: rbd

(``PYTHONPATH`` must contain the directory of this file.)

Every volume is a sparse file ``<ucinder_data_dir>/volume-<id>``; snapshots are
sparse copies ``snapshot-<id>``.  Nothing is really exported: create/ensure/
remove_export are no-ops, but ``initialize_connection`` returns realistic
connection_info for the configured protocol:

* ``ucinder_protocol = iscsi`` -> ``driver_volume_type: iscsi`` with CHAP
  credentials that are generated once per volume and stored in the volume's
  ``provider_auth`` column (``CHAP <user> <secret>``), exactly like LVM/tgt.
  A connector without ``initiator`` is rejected with InvalidConnectorException
  (the API answers 400, like LVM).
* ``ucinder_protocol = rbd`` -> ``driver_volume_type: rbd`` shaped like
  cinder.volume.drivers.rbd (pool ``volumes``, fixed libvirt secret uuid).

If ``ucinder_protocol`` is unset, backends whose volume_backend_name ends in
"2" speak rbd and all others iSCSI.

The test bed's cinder-backup attaches volumes with os-brick on this machine;
its connector carries its ``my_ip`` and this machine's hostname. When that
ip is ``ucinder_local_attach_ip``, the connection is ``local`` instead
(``device_path``: the volume file), which os-brick's LocalConnector simply
opens: backups and restores really read and write the volume files. Every
other connector keeps its iSCSI/RBD answer.
"""

import math
import os
import secrets
import shutil
import socket
import subprocess

from oslo_config import cfg
from oslo_log import log as logging
from oslo_utils import units

from cinder import exception
from cinder import interface
from cinder.volume import driver
from cinder.volume import volume_utils

LOG = logging.getLogger(__name__)

ucinder_opts = [
    cfg.StrOpt('ucinder_protocol',
               default=None,
               choices=['iscsi', 'rbd'],
               help='Protocol whose connection_info this backend returns.'),
    cfg.StrOpt('ucinder_data_dir',
               default=None,
               help='Directory holding the sparse volume files. Default: '
                    '$state_path/ucinder-volumes/<backend name>.'),
    cfg.IntOpt('ucinder_capacity_gb',
               default=1000,
               help='Capacity reported to the scheduler.'),
    cfg.StrOpt('ucinder_iscsi_portal',
               default='127.0.0.1:3260',
               help='Primary iSCSI portal returned in connection_info.'),
    cfg.StrOpt('ucinder_iscsi_portal2',
               default='127.0.0.2:3260',
               help='Second portal returned when connector multipath=True.'),
    cfg.StrOpt('ucinder_local_attach_ip',
               default=None,
               help='my_ip of a Cinder service on this machine (the test '
                    'bed\'s cinder-backup) whose connector gets a "local" '
                    'connection to the volume file.'),
    cfg.StrOpt('ucinder_rbd_pool', default='volumes'),
    cfg.StrOpt('ucinder_rbd_user', default='cinder'),
    cfg.StrOpt('ucinder_rbd_secret_uuid',
               default='457eb676-33da-42ec-9a8c-9293d545c337'),
]

CONF = cfg.CONF

IQN_PREFIX = 'iqn.2010-10.org.openstack:'


@interface.volumedriver
class UcinderFileDriver(driver.VolumeDriver):
    """Sparse-file volumes with fake-but-realistic iSCSI/RBD exports."""

    VERSION = '1.0.0'
    CI_WIKI_NAME = 'ucinder'
    SUPPORTS_ACTIVE_ACTIVE = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.configuration:
            self.configuration.append_config_values(ucinder_opts)
        self.backend_name = (
            (self.configuration and
             self.configuration.safe_get('volume_backend_name')) or
            'ucinder')
        proto = (self.configuration and
                 self.configuration.safe_get('ucinder_protocol'))
        if not proto:
            proto = 'rbd' if self.backend_name.endswith('2') else 'iscsi'
        self.proto = proto
        data_dir = (self.configuration and
                    self.configuration.safe_get('ucinder_data_dir'))
        if not data_dir:
            data_dir = os.path.join(CONF.state_path, 'ucinder-volumes',
                                    self.backend_name)
        self.data_dir = data_dir

    @staticmethod
    def get_driver_options():
        return ucinder_opts

    # ------------------------------------------------------------------
    # setup / stats
    def do_setup(self, context):
        os.makedirs(self.data_dir, exist_ok=True)

    def check_for_setup_error(self):
        if not os.path.isdir(self.data_dir):
            raise exception.VolumeBackendAPIException(
                data='data dir %s missing' % self.data_dir)

    def _files(self):
        try:
            return [os.path.join(self.data_dir, f)
                    for f in os.listdir(self.data_dir)]
        except FileNotFoundError:
            return []

    def _update_volume_stats(self):
        files = self._files()
        provisioned = 0
        used = 0
        nvol = 0
        for f in files:
            try:
                st = os.stat(f)
            except FileNotFoundError:
                continue
            provisioned += st.st_size
            used += st.st_blocks * 512
            if os.path.basename(f).startswith('volume-'):
                nvol += 1
        total = self.configuration.safe_get('ucinder_capacity_gb') or 1000
        free = round(total - used / units.Gi, 2)
        pool = {
            'pool_name': self.backend_name,
            'total_capacity_gb': total,
            'free_capacity_gb': free,
            'provisioned_capacity_gb': round(provisioned / units.Gi, 2),
            'reserved_percentage':
                self.configuration.safe_get('reserved_percentage') or 0,
            'max_over_subscription_ratio':
                self.configuration.safe_get('max_over_subscription_ratio')
                or 20.0,
            'thin_provisioning_support': True,
            'thick_provisioning_support': False,
            'QoS_support': False,
            'multiattach': True,
            'online_extend_support': True,
            'total_volumes': nvol,
            'location_info': 'UcinderFileDriver:%s:%s' % (self.host,
                                                          self.data_dir),
            'backend_state': 'up',
            'filter_function': self.get_filter_function(),
            'goodness_function': self.get_goodness_function(),
        }
        self._stats = {
            'volume_backend_name': self.backend_name,
            'vendor_name': 'ucinder',
            'driver_version': self.VERSION,
            'storage_protocol': 'iSCSI' if self.proto == 'iscsi' else 'ceph',
            'sparse_copy_volume': True,
            'pools': [pool],
        }

    # ------------------------------------------------------------------
    # files
    def _path(self, name):
        return os.path.join(self.data_dir, name)

    def local_path(self, volume):
        return self._path(volume.name)

    def _provider_model(self, volume, proto=None):
        model = {}
        if (proto or self.proto) == 'iscsi':
            model['provider_location'] = '%s,1 %s%s 1' % (
                self.configuration.ucinder_iscsi_portal, IQN_PREFIX,
                volume.name)
            if not volume.get('provider_auth'):
                model['provider_auth'] = 'CHAP %s %s' % (
                    secrets.token_hex(10), secrets.token_urlsafe(12))
        else:
            model['provider_location'] = 'rbd://%s/%s' % (
                self.configuration.ucinder_rbd_pool, volume.name)
        return model

    def _create_sparse(self, path, size_gb):
        with open(path, 'wb') as f:
            f.truncate(int(size_gb) * units.Gi)

    def _copy(self, src, dst, size_gb):
        if not os.path.exists(src):
            raise exception.VolumeBackendAPIException(
                data='source file %s does not exist' % src)
        try:
            subprocess.run(['cp', '--sparse=always', src, dst], check=True,
                           capture_output=True)
        except (OSError, subprocess.CalledProcessError):
            shutil.copyfile(src, dst)
        if os.path.getsize(dst) < int(size_gb) * units.Gi:
            os.truncate(dst, int(size_gb) * units.Gi)

    def create_volume(self, volume):
        os.makedirs(self.data_dir, exist_ok=True)
        self._create_sparse(self.local_path(volume), volume.size)
        return self._provider_model(volume)

    def copy_image_to_volume(self, context, volume, image_service, image_id,
                             disable_sparse=False):
        # The base class attaches the volume over its export to copy the
        # image; these exports are fake, so write the volume file directly
        # (as LVM does with its local path). Runs as the cinder-volume user:
        # no rootwrap in the test bed.
        from cinder.image import image_utils
        image_utils.fetch_to_raw(context, image_service, image_id,
                                 self.local_path(volume),
                                 self.configuration.volume_dd_blocksize,
                                 size=volume.size, run_as_root=False)

    def copy_volume_to_image(self, context, volume, image_service,
                             image_meta):
        # The base class attaches the volume over its export to read it for
        # Glance; these exports are fake, so read the volume file directly
        # (as LVM reads its local path). Formats other than raw go through
        # qemu-img convert, as the cinder-volume user (no rootwrap here).
        volume_utils.upload_volume(context, image_service, image_meta,
                                   self.local_path(volume), volume,
                                   run_as_root=False)

    def create_volume_from_snapshot(self, volume, snapshot):
        self._copy(self._path(snapshot.name), self.local_path(volume),
                   volume.size)
        return self._provider_model(volume)

    def create_cloned_volume(self, volume, src_vref):
        self._copy(self.local_path(src_vref), self.local_path(volume),
                   volume.size)
        return self._provider_model(volume)

    def delete_volume(self, volume):
        try:
            os.unlink(self.local_path(volume))
        except FileNotFoundError:
            LOG.info('Volume file for %s already gone', volume.id)

    def create_snapshot(self, snapshot):
        self._copy(self._path(snapshot.volume_name), self._path(snapshot.name),
                   snapshot.volume_size)

    def delete_snapshot(self, snapshot):
        try:
            os.unlink(self._path(snapshot.name))
        except FileNotFoundError:
            pass

    def revert_to_snapshot(self, context, volume, snapshot):
        self._copy(self._path(snapshot.name), self.local_path(volume),
                   volume.size)

    def extend_volume(self, volume, new_size):
        os.truncate(self.local_path(volume), int(new_size) * units.Gi)

    def retype(self, context, volume, new_type, diff, host):
        # Same backend: nothing to change on "disk".
        return True, None

    def migrate_volume(self, ctxt, volume, host):
        """Driver-assisted migration, as an array moves a volume between its
        own pools: to another backend of this driver on the same node the
        file is moved, no host copy (the generic path needs os-brick to
        attach both volumes on the cinder-volume host, which this machine
        cannot: no iscsid, no rbd). Anything else falls back to Cinder."""
        caps = host.get('capabilities') or {}
        parts = (caps.get('location_info') or '').split(':', 2)
        if len(parts) != 3 or parts[0] != 'UcinderFileDriver':
            return False, None
        dest_node = parts[1].split('@')[0]
        dest_dir = parts[2]
        if dest_node != (self.host or '').split('@')[0] or dest_dir == self.data_dir:
            return False, None
        os.makedirs(dest_dir, exist_ok=True)
        shutil.move(self.local_path(volume), os.path.join(dest_dir, volume.name))
        proto = 'iscsi' if caps.get('storage_protocol') == 'iSCSI' else 'rbd'
        model = self._provider_model(volume, proto)
        if proto != 'iscsi':
            model['provider_auth'] = None
        LOG.info('moved %s from %s to %s', volume.name, self.data_dir, dest_dir)
        return True, model

    def update_migrated_volume(self, ctxt, volume, new_volume,
                               original_volume_status):
        return {'_name_id': new_volume._name_id or new_volume.id,
                'provider_location': new_volume.provider_location}

    # ------------------------------------------------------------------
    # manage / unmanage: adopting files Cinder did not create, as an array
    # adopts LUNs. A volume is any file of the directory; a snapshot that is
    # not Cinder's is named <volume file>@<snapshot name> (rbd's notation),
    # which says whose snapshot it is.
    def _existing_file(self, existing_ref, name):
        if '/' in name or name in ('', '.', '..'):
            raise exception.ManageExistingInvalidReference(
                existing_ref=existing_ref, reason='Not a file name.')
        path = self._path(name)
        if not os.path.isfile(path):
            raise exception.ManageExistingInvalidReference(
                existing_ref=existing_ref,
                reason='Specified file %s does not exist.' % name)
        return path

    @staticmethod
    def _source_name(existing_ref):
        if not isinstance(existing_ref, dict):
            existing_ref = {'source-name': existing_ref}
        if 'source-name' not in existing_ref:
            raise exception.ManageExistingInvalidReference(
                existing_ref=existing_ref,
                reason='Reference must contain source-name element.')
        return existing_ref['source-name']

    @staticmethod
    def _size_gb(path):
        # Whole GiB, rounded up (as LVM and RBD report); never 0.
        return max(1, int(math.ceil(os.path.getsize(path) / units.Gi)))

    def _snapshot_file(self, volume_name, snapshot_name):
        return '%s@%s' % (volume_name, snapshot_name)

    def manage_existing_get_size(self, volume, existing_ref):
        name = self._source_name(existing_ref)
        return self._size_gb(self._existing_file(existing_ref, name))

    def manage_existing(self, volume, existing_ref):
        name = self._source_name(existing_ref)
        path = self._existing_file(existing_ref, name)
        vol_id = volume_utils.extract_id_from_volume_name(name)
        if volume_utils.check_already_managed_volume(vol_id):
            raise exception.ManageExistingAlreadyManaged(volume_ref=name)
        if volume_utils.extract_id_from_snapshot_name(name):
            # Only Cinder's snapshots have such files (unmanaged ones are
            # renamed <volume file>@<name>): never turn one into a volume.
            raise exception.ManageExistingInvalidReference(
                existing_ref=existing_ref,
                reason='%s is the file of a Cinder snapshot.' % name)
        size = self._size_gb(path)
        os.rename(path, self.local_path(volume))
        # Cinder records the rounded-up size: make the file that size.
        os.truncate(self.local_path(volume), size * units.Gi)
        return self._provider_model(volume)

    def unmanage(self, volume):
        # The file stays under its name, as LVM leaves the LV: no longer
        # Cinder's, it is listed as manageable again.
        LOG.info('unmanaged %s: %s stays', volume.id, volume.name)

    def manage_existing_snapshot_get_size(self, snapshot, existing_ref):
        name = self._snapshot_file(snapshot.volume_name,
                                   self._source_name(existing_ref))
        return self._size_gb(self._existing_file(existing_ref, name))

    def manage_existing_snapshot(self, snapshot, existing_ref):
        name = self._snapshot_file(snapshot.volume_name,
                                   self._source_name(existing_ref))
        os.rename(self._existing_file(existing_ref, name),
                  self._path(snapshot.name))

    def unmanage_snapshot(self, snapshot):
        # Renamed after its volume, so it is listed as that volume's
        # manageable snapshot.
        try:
            os.rename(self._path(snapshot.name),
                      self._path(self._snapshot_file(snapshot.volume_name,
                                                     snapshot.name)))
        except FileNotFoundError:
            # A snapshot that failed to be created or managed has no file.
            LOG.info('unmanaged %s: it had no file', snapshot.id)

    def _regular_files(self):
        return sorted(f for f in self._files() if os.path.isfile(f))

    def get_manageable_volumes(self, cinder_volumes, marker, limit, offset,
                               sort_keys, sort_dirs):
        cinder_ids = {v['name']: v['id'] for v in cinder_volumes}
        entries = []
        for path in self._regular_files():
            name = os.path.basename(path)
            if ('@' in name or
                    volume_utils.extract_id_from_snapshot_name(name)):
                continue
            entry = {'reference': {'source-name': name},
                     'size': self._size_gb(path),
                     'cinder_id': cinder_ids.get(name),
                     'extra_info': None,
                     'safe_to_manage': name not in cinder_ids,
                     'reason_not_safe':
                         'already managed' if name in cinder_ids else None}
            entries.append(entry)
        return volume_utils.paginate_entries_list(entries, marker, limit,
                                                  offset, sort_keys,
                                                  sort_dirs)

    def get_manageable_snapshots(self, cinder_snapshots, marker, limit,
                                 offset, sort_keys, sort_dirs):
        cinder = {s['name']: s for s in cinder_snapshots}
        entries = []
        for path in self._regular_files():
            name = os.path.basename(path)
            entry = {'size': self._size_gb(path), 'extra_info': None}
            if '@' in name:
                volume_name, snapshot_name = name.split('@', 1)
                entry.update(reference={'source-name': snapshot_name},
                             source_reference={'source-name': volume_name},
                             cinder_id=None, safe_to_manage=True,
                             reason_not_safe=None)
            elif name in cinder:
                snapshot = cinder[name]
                entry.update(reference={'source-name': name},
                             source_reference={
                                 'source-name': snapshot['volume_name']},
                             cinder_id=snapshot['id'], safe_to_manage=False,
                             reason_not_safe='already managed')
            else:
                continue
            entries.append(entry)
        return volume_utils.paginate_entries_list(entries, marker, limit,
                                                  offset, sort_keys,
                                                  sort_dirs)

    # ------------------------------------------------------------------
    # exports / connections
    def ensure_export(self, context, volume):
        pass

    def create_export(self, context, volume, connector):
        # Older volumes (or ones created by another driver) may lack
        # provider_auth: fill it in, it is then stable.
        if self.proto == 'iscsi' and not volume.get('provider_auth'):
            return self._provider_model(volume)
        return None

    def remove_export(self, context, volume):
        pass

    def create_export_snapshot(self, context, snapshot, connector):
        pass

    def remove_export_snapshot(self, context, snapshot):
        pass

    def _chap(self, volume):
        auth = volume.get('provider_auth') or ''
        parts = auth.split(' ', 3)
        if len(parts) == 3 and parts[0] == 'CHAP':
            return parts[1], parts[2]
        # should not happen (create_export fills it); derive stable values
        return volume.id.replace('-', '')[:20], volume.id.replace('-', '')

    def _is_own_service(self, connector):
        """True for the connector os-brick builds for the test bed's
        cinder-backup (volume_utils.brick_get_connector_properties: ip is
        its my_ip, host is socket.gethostname())."""
        local_ip = self.configuration.safe_get('ucinder_local_attach_ip')
        return bool(local_ip and connector and
                    connector.get('ip') == local_ip and
                    connector.get('host') == socket.gethostname())

    def validate_connector(self, connector):
        if self._is_own_service(connector):
            return
        if self.proto == 'iscsi' and 'initiator' not in connector:
            LOG.error('The volume driver requires %(data)s '
                      'in the connector.', {'data': 'initiator'})
            raise exception.InvalidConnectorException(missing='initiator')

    def initialize_connection(self, volume, connector, **kwargs):
        if self._is_own_service(connector):
            return {'driver_volume_type': 'local',
                    'data': {'device_path': self.local_path(volume),
                             'volume_id': volume.id}}
        if self.proto == 'rbd':
            return {
                'driver_volume_type': 'rbd',
                'data': {
                    'name': '%s/%s' % (self.configuration.ucinder_rbd_pool,
                                       volume.name),
                    'hosts': ['127.0.0.1'],
                    'ports': ['6789'],
                    'cluster_name': 'ceph',
                    'auth_enabled': True,
                    'auth_username': self.configuration.ucinder_rbd_user,
                    'secret_type': 'ceph',
                    'secret_uuid':
                        self.configuration.ucinder_rbd_secret_uuid,
                    'volume_id': volume.id,
                    'discard': True,
                    'keyring': None,
                },
            }
        user, secret = self._chap(volume)
        iqn = IQN_PREFIX + volume.name
        portal = self.configuration.ucinder_iscsi_portal
        data = {
            'target_discovered': False,
            'target_portal': portal,
            'target_iqn': iqn,
            'target_lun': 1,
            'volume_id': volume.id,
            'auth_method': 'CHAP',
            'auth_username': user,
            'auth_password': secret,
            'encrypted': False,
            'access_mode': 'rw',
            'discard': True,
        }
        if connector and connector.get('multipath'):
            portals = [portal, self.configuration.ucinder_iscsi_portal2]
            data['target_portals'] = portals
            data['target_iqns'] = [iqn] * len(portals)
            data['target_luns'] = [1] * len(portals)
        return {'driver_volume_type': 'iscsi', 'data': data}

    def terminate_connection(self, volume, connector, **kwargs):
        pass

    def initialize_connection_snapshot(self, snapshot, connector, **kwargs):
        raise NotImplementedError()

    def terminate_connection_snapshot(self, snapshot, connector, **kwargs):
        pass
