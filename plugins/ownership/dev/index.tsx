import { createApp } from '@backstage/frontend-defaults';
import ReactDOM from 'react-dom/client';
import ownershipPlugin from '../src/alpha';

// Serves the plugin alone (`yarn start` in this folder) against a backend
// on http://localhost:7007.
const app = createApp({ features: [ownershipPlugin] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
