import { createExtensionTester } from '@backstage/frontend-test-utils';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import ownershipPlugin from '../alpha';
import { ownershipSearchResultListItem } from './searchExtensions';

describe('search-result-list-item:ownership', () => {
  it('renders results of type ownership and no others', () => {
    const item = createExtensionTester(ownershipSearchResultListItem).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const result = (type: string) => ({
      type,
      document: { title: 'Checkout API', text: '', location: '/' },
    });
    expect(item.predicate?.(result('ownership'))).toBe(true);
    expect(item.predicate?.(result('software-catalog'))).toBe(false);
  });

  it('is one of the plugin extensions', () => {
    expect(
      ownershipPlugin.getExtension('search-result-list-item:ownership'),
    ).toBeDefined();
    expect(
      ownershipPlugin.getExtension('search-filter-result-type:ownership'),
    ).toBeDefined();
  });
});
