import { configure } from '@testing-library/react';
import '@testing-library/jest-dom';

// CI runs the whole suite on two cores; give rendering and user events room
// so that a loaded machine does not turn into failing tests.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);
