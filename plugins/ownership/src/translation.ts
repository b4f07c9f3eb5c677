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
    ownershipPage: {
      title: 'Ownership',
      subtitle: 'Who owns every service, who is on call, and what is missing',
    },
    auditDashboard: {
      summaryLine: 'Figures of audit run #{{runId}}, finished {{time}}.',
      figures: {
        services: 'Services audited',
        servicesDetail: 'Components, systems, APIs and resources in scope',
        validOwner: 'Valid owning team',
        validOwnerDetail:
          '{{validOwner}} of {{services}} owned by a team with members',
        onCall: 'On-call',
        onCallDetail: 'Without an oncall.missing finding',
        freshRunbooks: 'Fresh runbooks',
        freshRunbooksDetail: 'Without a missing or stale runbook',
        averageScore: 'Average score',
        averageScoreDetail: '0–100, severity-weighted rules passed',
      },
      severities: {
        error: 'Errors',
        warning: 'Warnings',
        info: 'Info',
      },
      trendTitle: 'Trend',
      trendSubheader: 'Per stored audit run, oldest first',
      severityTitle: 'Findings by severity',
      levelsTitle: 'Maturity levels',
      levelsSubheader:
        '0 not owned · 1 owned · 2 operable · 3 documented · 4 healthy',
      noRunTitle: 'No audit run has completed yet',
      noRunBody:
        'Figures, teams and findings appear here after the first run. It starts on schedule shortly after the backend starts; users allowed to start runs can use {{runNow}}. Until then, this is what the audit will cover:',
      notAllowedTitle: 'Organisation-wide figures are not shown to you',
      notAllowedBody:
        'They count every audited entity, so they need the permission {{permission}}; ask your Backstage administrator for it. The teams and findings below are the ones you may read in the catalog.',
      errorTitle: 'Could not load the audit summary',
    },
    runStatus: {
      title: 'Latest audit run',
      runNow: 'Run now',
      starting: 'Starting…',
      status: {
        running: 'Running',
        succeeded: 'Succeeded',
        failed: 'Failed',
      },
      announcement: {
        running: 'Audit run {{id}} running',
        succeeded: 'Audit run {{id}} succeeded',
        failed: 'Audit run {{id}} failed',
      },
      progressLabel: 'Audit run progress',
      inProgress: 'Audit in progress',
      progress: '{{processed}} of {{total}} entities audited ({{percent}}%)',
      progressSoFar: '{{processed}} entities audited so far',
      runStarted: 'Run #{{id}} started {{time}}',
      runFinished: 'Run #{{id}} finished {{time}}',
      trigger: {
        manual: '(started by hand)',
        manualBy: '(started by hand by {{user}})',
        schedule: '(scheduled)',
        scheduleBy: '(scheduled by {{user}})',
      },
      failed: 'The run failed. The dashboard shows the last successful run.',
      failedWithError:
        'The run failed: {{error}} The dashboard shows the last successful run.',
      loadingLabel: 'Loading the latest audit run',
      errorTitle: 'Could not load the latest audit run',
      noRun:
        'No audit run has been started yet. The first scheduled run starts shortly after the backend starts.',
      noRunCanStart:
        'No audit run has been started yet. The first scheduled run starts shortly after the backend starts; or start one now.',
      alreadyRunning:
        'A run is already in progress; its progress is shown here.',
      pollError:
        'Could not refresh the run status ({{message}}); trying again.',
      startError: 'Could not start a run: {{message}}',
    },
    findingsTable: {
      title: 'Findings',
      subheader:
        'What to fix, per entity and rule. The filters are part of the page address, so a link shows the same selection.',
      exportCsv: 'Export CSV',
      exporting: 'Exporting…',
      exportError: 'Could not export the selection as CSV: {{message}}',
      filtersLabel: 'Finding filters',
      teamFilter: 'Team',
      teamsError: 'Could not load the teams: {{message}}',
      noTeamMatches: 'No team matches',
      ruleFilter: 'Rule',
      rulesError: 'Could not load the rules: {{message}}',
      severityFilter: 'Severity',
      lifecycleFilter: 'Lifecycle',
      clearFilters: 'Clear filters',
      errorTitle: 'Could not load the findings',
      noMatches:
        'No findings match these filters. Widen them or clear them to see every finding.',
      none: 'No findings in the latest audit run: every audited entity passes every enabled rule.',
      tableLabel: 'Findings',
      columns: {
        entity: 'Entity',
        rule: 'Rule',
        severity: 'Severity',
        message: 'Message',
        remediation: 'Remediation',
      },
      perPage: 'Findings per page',
    },
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
