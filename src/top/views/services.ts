import { CLUSTERS_MIN_VERSION, listClusters, type Cluster } from '../../api/resources/clusters.js';
import { listServices } from '../../api/resources/services.js';
import { ageText, cellText } from '../cells.js';
import type { Row, Section, ViewSpec } from '../view.js';
import { serviceRow } from './overview.js';
import { refusedAs } from './refused.js';

/** View 3: the services and, from API 3.7, their clusters, with the replication fields. */
export const SERVICES: ViewSpec = {
  id: 'services',
  number: '3',
  title: 'Services',
  async fetch({ session, now }) {
    const clustered = session.supports(CLUSTERS_MIN_VERSION);
    const [services, clusters] = await Promise.all([
      listServices(session),
      clustered ? listClusters(session).catch(refusedAs<Cluster[]>()) : ({ refused: `clusters need API ${CLUSTERS_MIN_VERSION}` } as const),
    ]);
    const servicesSection: Section = {
      id: 'services',
      title: 'Services',
      // In order of importance: a narrow screen leaves out the last ones.
      columns: [
        { header: 'Binary' },
        { header: 'Host' },
        { header: 'State' },
        { header: 'Status' },
        { header: 'Heartbeat' },
        { header: 'Frozen' },
        { header: 'Replication' },
        { header: 'Active Backend' },
        { header: 'Disabled Reason' },
        { header: 'Cluster' },
        { header: 'Zone' },
      ],
      rows: services.map((service) =>
        serviceRow(service, [
          service.binary,
          service.host,
          service.state,
          service.status,
          ageText(service.updated_at, now),
          cellText(service.frozen),
          cellText(service.replication_status),
          cellText(service.active_backend_id),
          cellText(service.disabled_reason),
          cellText(service.cluster),
          service.zone,
        ]),
      ),
      empty: 'No services.',
    };
    const clustersSection: Section = {
      id: 'clusters',
      title: 'Clusters',
      columns: [
        { header: 'Name' },
        { header: 'Binary' },
        { header: 'State' },
        { header: 'Status' },
        { header: 'Hosts', numeric: true },
        { header: 'Down', numeric: true },
        { header: 'Heartbeat' },
        { header: 'Frozen' },
        { header: 'Replication' },
        { header: 'Active Backend' },
      ],
      rows: 'refused' in clusters ? [] : clusters.map((cluster) => clusterRow(cluster, now)),
      empty: 'No clusters.',
      note: 'refused' in clusters ? clusters.refused : undefined,
    };
    return { sections: [servicesSection, clustersSection] };
  },
};

function clusterRow(cluster: Cluster, now: number): Row {
  const down = cluster.num_down_hosts ?? 0;
  return {
    kind: 'cluster',
    key: `${cluster.binary}@${cluster.name}`,
    cells: [
      cluster.name,
      cluster.binary,
      cluster.state,
      cluster.status,
      cellText(cluster.num_hosts),
      cellText(cluster.num_down_hosts),
      ageText(cluster.last_heartbeat, now),
      cellText(cluster.frozen),
      cellText(cluster.replication_status),
      cellText(cluster.active_backend_id),
    ],
    sortValues: [cluster.name, cluster.binary, cluster.state, cluster.status, cluster.num_hosts ?? null, down, cluster.last_heartbeat ?? null, null, null, null],
    tone: cluster.state === 'down' || (down > 0 && down >= (cluster.num_hosts ?? down)) ? 'error' : down > 0 || cluster.status === 'disabled' ? 'warning' : undefined,
    item: cluster,
  };
}
