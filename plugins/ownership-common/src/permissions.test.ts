import { isCreatePermission } from '@backstage/plugin-permission-common';
import {
  ownershipPermissions,
  ownershipRunCreatePermission,
} from './permissions';

describe('permissions', () => {
  it('defines ownership.run.create as a create permission', () => {
    expect(ownershipRunCreatePermission.name).toBe('ownership.run.create');
    expect(isCreatePermission(ownershipRunCreatePermission)).toBe(true);
    expect(ownershipPermissions).toContain(ownershipRunCreatePermission);
  });
});
