import {
  isCreatePermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ownershipPermissions,
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
} from './permissions';

describe('permissions', () => {
  it('defines ownership.run.create as a create permission', () => {
    expect(ownershipRunCreatePermission.name).toBe('ownership.run.create');
    expect(isCreatePermission(ownershipRunCreatePermission)).toBe(true);
    expect(ownershipPermissions).toContain(ownershipRunCreatePermission);
  });

  it('defines ownership.summary.read as a basic read permission', () => {
    expect(ownershipSummaryReadPermission.name).toBe('ownership.summary.read');
    expect(ownershipSummaryReadPermission).toMatchObject({
      type: 'basic',
      attributes: { action: 'read' },
    });
    expect(isResourcePermission(ownershipSummaryReadPermission)).toBe(false);
    expect(ownershipPermissions).toContain(ownershipSummaryReadPermission);
  });
});
