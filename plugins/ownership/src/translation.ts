import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-facing texts of the ownership plugin, in English. Apps translate
 * or reword them with `createTranslationMessages` or
 * `createTranslationResource` on this ref.
 *
 * @alpha
 */
export const ownershipTranslationRef = createTranslationRef({
  id: 'ownership',
  messages: {
    incidentLookup: {
      backLink: 'Audit dashboard',
      title: 'Incident lookup',
      searchLabel: 'Service, system, tag or team',
      searchPlaceholder: 'Find a service…',
      resultsLabel: 'Matching services',
      loadingLabel: 'Looking up',
      detailsTitle: 'Details',
      detailsHint:
        'Open a match to see its owner, contacts, who is on call, its runbooks and the owners of what it depends on and what depends on it.',
      hint: "Type part of a service's name or title, its system, a tag or the owning team. Use ↑ and ↓ to choose a match, Enter to open it and Escape to start again.",
      errorTitle: 'Could not look up “{{query}}”',
      noMatches:
        "Nothing matches “{{query}}”. Try the service's name, its system, a tag or the owning team.",
      noMatchesBeforeFirstRun:
        "Nothing matches “{{query}}”. Try the service's name, its system, a tag or the owning team. The lookup is built by the audit, and no run has completed yet.",
      status: {
        loading: 'Looking up “{{query}}”…',
        none: 'Nothing matches “{{query}}”.',
        matches_one:
          '{{count}} match for “{{query}}”; use the arrow keys to choose and Enter to open.',
        matches_other:
          '{{count}} matches for “{{query}}”; use the arrow keys to choose and Enter to open.',
      },
    },
  },
});
