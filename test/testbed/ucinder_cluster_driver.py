"""The test bed's file driver, declared safe for an active/active cluster.

cluster.sh runs two cinder-volume processes sharing one cluster and one data
directory; cinder-volume refuses to start a clustered backend whose driver
does not set SUPPORTS_ACTIVE_ACTIVE. Sparse files in one shared directory,
reached by every node, are exactly what active/active expects.

Two additions let the integration tests stage an operator's bad night:

* A slow create (a test knob, no restart needed): while the file
  ``<ucinder_knob_dir>/slow-create`` holds a number of seconds, create_volume
  sleeps that long before creating the file, and meanwhile
  ``<ucinder_knob_dir>/creating-<volume id>`` names the node doing it, so a
  test knows which node to kill in the middle of the create.
* Replication for a failover: each ``replication_device`` (``backend_id:<id>``)
  is a target the backend can fail over to. The data directory is shared, so
  the "secondary" already holds every volume and a failover only has to
  switch the active backend id; the volume service does the rest (service
  and cluster rows, volume replication status) exactly as for a real array.
"""
import os
import time

from oslo_config import cfg
from oslo_log import log as logging

from cinder import exception
from cinder import interface

from ucinder_testbed_driver import UcinderFileDriver

LOG = logging.getLogger(__name__)

cluster_opts = [
    cfg.StrOpt('ucinder_knob_dir',
               default=None,
               help='Directory of test knobs (slow-create: seconds).'),
]

FAILBACK = 'default'


@interface.volumedriver
class UcinderClusterFileDriver(UcinderFileDriver):
    SUPPORTS_ACTIVE_ACTIVE = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.configuration:
            self.configuration.append_config_values(cluster_opts)
        self.knob_dir = (self.configuration and
                         self.configuration.safe_get('ucinder_knob_dir'))
        # The manager hands over the service's active backend at start, so a
        # node restarted after a failover keeps serving the secondary.
        self.active_backend_id = kwargs.get('active_backend_id') or None

    @staticmethod
    def get_driver_options():
        return UcinderFileDriver.get_driver_options() + cluster_opts

    # ------------------------------------------------------------------
    # replication
    def _targets(self):
        devices = (self.configuration and
                   self.configuration.safe_get('replication_device')) or []
        return [device['backend_id'] for device in devices
                if device.get('backend_id')]

    def _update_volume_stats(self):
        super()._update_volume_stats()
        targets = self._targets()
        self._stats['replication_enabled'] = bool(targets)
        self._stats['replication_targets'] = targets
        self._stats['active_backend_id'] = self.active_backend_id or FAILBACK
        for pool in self._stats['pools']:
            pool['replication_enabled'] = bool(targets)
            pool['replication_targets'] = targets

    def failover(self, context, volumes, secondary_id=None, groups=None):
        """Fails the backend over to a target (the first when none is named) or back."""
        targets = self._targets()
        if secondary_id == FAILBACK:
            target = FAILBACK
        elif secondary_id is None and targets:
            target = targets[0]
        elif secondary_id in targets:
            target = secondary_id
        else:
            raise exception.InvalidReplicationTarget(
                reason='%s is not a replication target of %s (targets: %s)'
                % (secondary_id, self.backend_name, ', '.join(targets)))
        LOG.info('Failing over %s to %s', self.backend_name, target)
        self.active_backend_id = target
        return target, [], []

    # A non-clustered service calls failover_host; the data is the same.
    failover_host = failover

    def failover_completed(self, context, active_backend_id=None):
        """Every node of the cluster learns the new active backend."""
        self.active_backend_id = active_backend_id or None

    # ------------------------------------------------------------------
    # the slow-create knob
    def _slow_create_seconds(self):
        if not self.knob_dir:
            return 0
        try:
            with open(os.path.join(self.knob_dir, 'slow-create')) as knob:
                return float(knob.read().strip() or 0)
        except (OSError, ValueError):
            return 0

    def create_volume(self, volume):
        seconds = self._slow_create_seconds()
        if seconds > 0:
            marker = os.path.join(self.knob_dir, 'creating-%s' % volume.id)
            with open(marker, 'w') as f:
                f.write(self.host + '\n')
            LOG.info('slow-create: %s sleeps %ss before creating %s',
                     self.host, seconds, volume.id)
            try:
                # cinder-volume runs under eventlet: time.sleep is green.
                time.sleep(seconds)
            finally:
                os.unlink(marker)
        return super().create_volume(volume)
