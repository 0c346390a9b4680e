"""The test bed's file driver, declared safe for an active/active cluster.

cluster.sh runs two cinder-volume processes sharing one cluster and one data
directory; cinder-volume refuses to start a clustered backend whose driver
does not set SUPPORTS_ACTIVE_ACTIVE. Sparse files in one shared directory,
reached by every node, are exactly what active/active expects, so the
subclass only flips the flag.
"""
from cinder import interface

from ucinder_testbed_driver import UcinderFileDriver


@interface.volumedriver
class UcinderClusterFileDriver(UcinderFileDriver):
    SUPPORTS_ACTIVE_ACTIVE = True
