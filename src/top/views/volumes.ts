import { listVolumes } from '../../api/resources/volumes.js';
import { VOLUME_ERROR, VOLUME_TRANSITIONAL, type Volume } from '../../api/resources/volumes.js';
import { attachmentsColumn } from '../../cli/views/volume.js';
import { cellText, statusTone } from '../cells.js';
import type { Column, Row, ViewSpec } from '../view.js';

/** View 2: every volume (of every project with --all-projects), in one listing and its pages. */
export const VOLUMES: ViewSpec = {
  id: 'volumes',
  number: '2',
  title: 'Volumes',
  async fetch({ session, allProjects }) {
    const volumes = await listVolumes(session, { allProjects });
    const columns: Column[] = [
      { header: 'ID' },
      { header: 'Name' },
      { header: 'Status' },
      { header: 'Size', numeric: true },
      { header: 'Type' },
      { header: 'Attached to' },
      { header: 'Host' },
      ...(allProjects ? [{ header: 'Project' }] : []),
    ];
    return { sections: [{ id: 'volumes', title: 'Volumes', columns, rows: volumes.map((volume) => volumeRow(volume, allProjects)), empty: 'No volumes.' }] };
  },
};

function volumeRow(volume: Volume, allProjects: boolean): Row {
  const cells = [
    volume.id,
    cellText(volume.name),
    volume.status,
    cellText(volume.size),
    cellText(volume.volume_type),
    attachmentsColumn(volume.attachments).human.trim(),
    cellText(volume['os-vol-host-attr:host']),
    ...(allProjects ? [cellText(volume['os-vol-tenant-attr:tenant_id'])] : []),
  ];
  const sortValues = cells.map((cell, index) => (index === 3 ? volume.size : cell));
  return { kind: 'volume', key: volume.id, cells, sortValues, tone: statusTone(volume.status, VOLUME_ERROR, VOLUME_TRANSITIONAL), item: volume };
}
