import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import ReactDOM from 'react-dom/client';
import ownershipPlugin from '../src/alpha';

// Serves the plugin alone (`yarn start` in this folder) against a backend
// on http://localhost:7007, with the catalog and org pages so that entity
// links, the entity card and tabs and the group views have somewhere to live.
const app = createApp({
  features: [catalogPlugin, orgPlugin, ownershipPlugin],
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
