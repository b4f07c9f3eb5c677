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
    maturity: {
      names: {
        level0: 'Not owned',
        level1: 'Owned',
        level2: 'Operable',
        level3: 'Documented',
        level4: 'Healthy',
      },
      descriptions: {
        level0: 'No valid owning team',
        level1: 'Owned by a team with members',
        level2: 'Owned, with an on-call rotation and a runbook',
        level3: 'Operable, with fresh runbooks and ADRs',
        level4: 'Documented, without overdue tech debt',
      },
      label: 'Level {{level}} · {{name}}',
      unknown: 'Unknown',
    },
    operations: {
      maturityTitle: 'Maturity',
      maturitySubheader: '{{label}}: {{description}}',
      score: 'Score {{score}}/100 in the latest audit run.',
      onCallTitle: 'On call',
      runbooksTitle: 'Runbooks',
      adrsTitle: 'Architecture decisions',
      techDebtTitle: 'Tech debt',
      findingsTitle: 'Findings',
    },
    runbooksTable: {
      none: 'No runbook. Add a link with {{linkType}} to {{links}} (of the entity or its team), or the {{annotation}} annotation naming a markdown file or folder, in catalog-info.yaml.',
      tableLabel: 'Runbooks',
      columns: {
        title: 'Title',
        source: 'Source',
        reviewed: 'Reviewed',
        freshness: 'Freshness',
        notes: 'Notes',
      },
      sources: {
        serviceLink: 'Entity link',
        teamLink: 'Team link',
        annotation: 'Annotation',
      },
      fromFrontMatter: 'from front matter',
      lastModified: 'last modified',
    },
    adrTable: {
      undated: 'undated',
      firstSeenTitle:
        'The record states no date: counted from the first audit that saw it proposed',
      proposedSince: 'proposed since {{date}} (first seen)',
      readWhat: 'Decision records',
      problems: 'Could not read all decision records: {{problems}}',
      noLocation:
        "No ADR location. Set the {{annotation}} annotation in catalog-info.yaml to the folder of the entity's architecture decision records (MADR or Nygard format).",
      none: 'No decision records found in the ADR location.',
      tableLabel: 'Architecture decision records',
      columns: {
        title: 'Title',
        status: 'Status',
        date: 'Date',
        supersededBy: 'Superseded by',
      },
    },
    techDebtTable: {
      noRegister:
        'No tech-debt register. Add the {{annotation}} annotation naming a register YAML file to catalog-info.yaml.',
      open: 'open',
      overdue: 'overdue',
      effort_one: '{{count}} day of effort',
      effort_other: '{{count}} days of effort',
      sources: {
        register: 'Register',
        github: 'GitHub issues',
      },
      none: 'No tech-debt items.',
      tableLabel: 'Tech debt',
      columns: {
        id: 'ID',
        title: 'Title',
        impact: 'Impact',
        age: 'Age (days)',
        due: 'Due',
        status: 'Status',
        issue: 'Issue',
      },
      overdueChip: 'Overdue',
      status: {
        open: 'Open',
        inProgress: 'In progress',
        done: 'Done',
        wontFix: "Won't fix",
      },
    },
    entityOwnershipCard: {
      title: 'Ownership',
      noOwner: 'None',
      theOwner: 'the owner',
      problems: {
        placeholder: '{{code}} is a placeholder, not a team.',
        notSet: '{{code}} is not set.',
        unresolved: '{{code}} names no Group or User in the catalog.',
        individual:
          'A person owns it; set a team so it survives people moving on.',
        emptyTeam:
          'The team has no members, sub-groups included; add members to it or pick another team.',
      },
      suggestion:
        'Suggested owner: {{team}} (owns the {{source}} {{via}}). Set {{code}} in catalog-info.yaml.',
      ownerSection: 'Owner',
      members_one: '{{count}} member',
      members_other: '{{count}} members',
      contactsLabel: 'Contacts of {{owner}}',
      runbooksSection: 'Runbooks',
      noRunbook:
        'No runbook. Add a link with {{linkType}} to {{links}}, or the {{annotation}} annotation, in catalog-info.yaml.',
      runbooksLabel: 'Runbooks',
      adrsSection: 'Decisions (ADRs)',
      noAdrLocation:
        'No ADR location. Set the {{annotation}} annotation in catalog-info.yaml to the folder of its decision records.',
      noAdrs: 'No decision records found in the ADR location.',
      adrsByStatusLabel: 'Decision records by status',
      adrCount: '{{count}} {{status}}',
      adrProblems: 'Could not read all ADRs: {{problems}}',
      maturityLabel: 'Maturity',
      score: 'Score {{score}}/100',
      onCallSection: 'On call',
      findingsSection: 'Findings',
    },
    teamOwnershipCard: {
      title: 'Team ownership',
      noFindings: 'No findings',
      figures: {
        services_one: '{{count}} service ({{own}} own)',
        services_other: '{{count}} services ({{own}} own)',
        errors_one: '{{count}} error',
        errors_other: '{{count}} errors',
        warnings_one: '{{count}} warning',
        warnings_other: '{{count}} warnings',
        info: '{{info}} info',
        score: 'Score {{score}}/100',
      },
      figuresLabel: 'Figures',
      noServices:
        'No services. Set {{code}} in the catalog-info.yaml of the services this team owns.',
      servicesLabel: 'Services of {{team}}',
      viaSubGroup: ' · via {{team}}',
      noRotation: 'No rotation',
      noRotationHint:
        "No on-call provider knows a rotation for this team. Add {{rotation}}, {{pagerduty}} or {{ical}} to the annotations in the team's catalog-info.yaml.",
      figuresSection: 'Figures',
      servicesSection: 'Services',
      onCallSection: 'On call',
      notAuditedTitle: 'Not audited yet',
      notAudited:
        '{{team}} is not in the latest ownership audit. It will appear here after the next audit run that finds a service it (or one of its sub-groups) owns through {{code}}.',
    },
    teamOnboarding: {
      forService: 'for {{service}}',
      andMore: ' and {{count}} more',
      noRunbooks:
        "No runbooks yet. Add a link with {{linkType}} to {{links}}, or the {{annotation}} annotation, in the catalog-info.yaml of the team's services (links on the team are inherited by its services).",
      runbooksLabel: 'Runbooks',
      noAdrs:
        "No decision records yet. Set the {{annotation}} annotation in the catalog-info.yaml of the team's services to the folder of their decision records.",
      adrsLabel: 'Decision records',
      undated: 'undated',
      membersSection: 'Members',
      noMembers:
        'No members. Add people to {{members}} of the team, or set {{memberOf}} on their User entities, in catalog-info.yaml.',
      membersLabel: 'Members of {{team}}',
      via: ' · via ',
      contactsSection: 'Contacts',
      noContacts:
        "No contacts. Set {{email}} or add a chat link to {{links}} in the team's catalog-info.yaml.",
      contactsLabel: 'Contacts of {{team}}',
      runbooksTitle: 'Runbooks',
      whoToAskTitle: 'Who to ask',
      adrsTitle: 'Decisions (ADRs), newest first',
    },
    overview: {
      kindLabel: '{{kind}} entities',
      nothingTitle: 'Nothing to audit yet',
      nothing:
        'The catalog holds no entities of the audited kinds ({{kinds}}). Register a {{catalogInfo}} with {{owner}} set to a team for each service, or adjust {{scopeKinds}}.',
      total: '{{total}} catalog entities in the ownership audit',
      byLifecycle: 'By lifecycle',
      lifecycleCount: '{{lifecycle}}: {{count}}',
      firstRunPending:
        'Owners, on-call, runbooks and findings per service appear here once the first audit run has completed.',
      retry: 'Retry',
      errorTitle: 'Could not load the ownership overview',
    },
    trendChart: {
      none: 'No completed audit runs to show a trend for.',
      oneRun:
        'One audit run, finished {{date}}: {{share}} of services with a valid owning team, average score {{score}}.',
      trend:
        'Trend over {{count}} audit runs from {{from}} to {{to}}: services with a valid owning team from {{firstShare}} to {{lastShare}}; average score from {{firstScore}} to {{lastScore}}.',
      empty: 'The trend appears here once an audit run has completed.',
      yAxis: '% of services · score',
      xAxis: 'Audit run (finished)',
      point:
        'Run {{runId}}, {{date}}: {{share}}% valid owning team, average score {{score}}',
      shareLegend: 'Valid owning team (% of services)',
      scoreLegend: 'Average score (0–100)',
    },
    shared: {
      retry: 'Retry',
      ownerStatus: {
        missing: 'No owner',
        unresolved: 'Owner not in catalog',
        individual: 'Owned by a person',
        emptyTeam: 'Team has no members',
      },
      freshness: {
        reviewed: 'Reviewed {{date}}',
        fresh: 'Fresh',
        stale: 'Stale',
        staleReviewed: 'Stale · reviewed {{when}}',
        unknown: 'Review date unknown',
        unreachable: 'Unreachable',
        notRead: 'Not read',
      },
      readState: {
        unknown: 'Could not be read just now',
        unknownWithReason: 'Could not be read just now: {{reason}}',
        stale:
          'Stale copy from {{when}} ({{time}}): could not be read just now',
        staleWithReason:
          'Stale copy from {{when}} ({{time}}): could not be read just now: {{reason}}',
        staleChip: 'Stale copy',
        unknownChip: 'Could not be read just now',
        what: '{{what}}: ',
      },
      notAuditedTitle: 'Not audited yet',
      notAudited:
        '{{entity}} is not in the latest ownership audit. It will appear here after the next audit run. If it still does not, check that its kind ({{kind}}) is listed in {{scopeKinds}} in app-config.yaml.',
      loading: 'Loading the {{subject}} data',
      loadError: 'Could not load the {{subject}} data of {{entity}}',
    },
    onCall: {
      until: 'until {{time}} ({{relative}})',
      step: 'L{{level}} {{when}}',
      stepWithTargets: 'L{{level}} {{when}}: {{who}}',
      immediately: 'immediately',
      after: 'after {{duration}}',
      noRotation: 'No rotation',
      noRotationHint:
        "No on-call provider knows a rotation for this entity or its owning team. Add {{rotation}}, {{pagerduty}} or {{ical}} to the annotations in its catalog-info.yaml or its team's.",
      source: 'From {{source}}',
      teamRotation: ' (the team’s rotation)',
      unknownLabel: 'On-call unknown:',
      unknown: '{{source}} could not be asked. Last tried {{when}}.',
      unknownWithReason:
        '{{source}} could not be asked ({{reason}}). Last tried {{when}}.',
      staleLabel: 'Stale:',
      stale: 'last known answer, from {{when}}.',
      staleWithReason: 'last known answer, from {{when}} ({{reason}}).',
      nobody: 'Nobody is on call now.',
      nowLabel: 'On call now',
      levelTitle: 'Escalation level {{level}}',
      level: 'L{{level}}',
      gap: 'Coverage gap from {{from}} to {{to}}',
      moreGaps: ' (and {{count}} more in the next 7 days)',
      next: 'Next: {{person}} from {{when}}',
      escalation: 'Escalation: {{steps}}',
    },
    findingsList: {
      errors_one: '{{count}} error',
      errors_other: '{{count}} errors',
      warnings_one: '{{count}} warning',
      warnings_other: '{{count}} warnings',
      info: '{{count}} info',
      fix: 'Fix:',
      none: 'No open findings: the entity passes every audit rule that applies to it.',
      label: 'Findings',
      openFindings_one: '{{count}} open finding: {{summary}}',
      openFindings_other: '{{count}} open findings: {{summary}}',
      show: 'Show findings',
      hide: 'Hide findings',
    },
    scoreHistory: {
      none: 'Score per audit run: no runs yet.',
      oneRun: 'Score per audit run: 1 run on {{date}}, score {{score}}.',
      runs: 'Score per audit run: {{count}} runs from {{from}} to {{to}}, {{trend}} from {{first}} to {{last}} (lowest {{low}}, highest {{high}}).',
      up: 'up',
      down: 'down',
      unchanged: 'unchanged',
      empty: 'No audit history yet: the chart appears after the first run.',
      point: 'Run {{runId}}, {{date}}: score {{score}}',
    },
    severity: {
      error: 'Error',
      warning: 'Warning',
      info: 'Info',
    },
    documentDialog: {
      errorTitle: 'Could not open {{title}}',
      lastModified: ' · last modified {{time}}',
      close: 'Close',
    },
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
    serviceSearchBox: {
      label: 'Find a service',
      placeholder: 'Find a service…',
      helperText:
        'Press / to search; Enter opens the incident lookup with owner, contacts and on-call',
    },
    teamTable: {
      title: 'Teams',
      subheader:
        "Services include those of sub-groups; the score is the average of the team's services.",
      filterLabel: 'Filter teams',
      loadingLabel: 'Loading teams',
      errorTitle: 'Could not load the teams',
      noMatches: 'No team matches “{{query}}”. Try part of its name or title.',
      none: 'No teams in the latest audit run. Teams appear once catalog Groups own audited entities through spec.owner.',
      tableLabel: 'Teams',
      columns: {
        team: 'Team',
        services: 'Services',
        findings: 'Findings',
        levels: 'Maturity levels',
        score: 'Score',
      },
      perPage: 'Teams per page',
      members_one: '{{count}} member',
      members_other: '{{count}} members',
      noFindings: 'None',
      errors_one: 'error',
      errors_other: 'errors',
      warnings_one: 'warning',
      warnings_other: 'warnings',
      info: '{{count}} info',
      findingsLinkLabel:
        '{{errors}}, {{warnings}}, {{info}} info: show the findings of {{team}}',
      errorCount_one: '{{count}} error',
      errorCount_other: '{{count}} errors',
      warningCount_one: '{{count}} warning',
      warningCount_other: '{{count}} warnings',
    },
    levelBar: {
      label: 'Maturity levels: {{levels}}',
      level: 'level {{level}} {{name}}: {{count}}',
      levelTitle: 'Level {{level}} {{name}}: {{count}}',
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
      loadingLabel: 'Loading findings',
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
      details: {
        notInCatalog: '{{owner}} (not in the catalog)',
        none: 'none',
        noRunbook:
          'No runbook. Add a {{links}} entry with {{linkType}} to the service or its team.',
        related: '({{kind}}, {{relation}}) · owner: ',
        outsideAudit: 'outside the audit',
        openInCatalog: 'Open {{title}} in the catalog',
        ownerSection: 'Owner',
        suggestedOwner: 'Suggested owner: {{team}} (from its {{source}})',
        contactsLabel: 'Contacts of {{owner}}',
        theOwner: 'the owner',
        noContacts:
          'No contacts. Add {{email}} or a chat link to the owning team in the catalog.',
        onCallSection: 'On call now',
        runbooksSection: 'Runbooks',
        dependenciesSection: 'Depends on',
        noDependencies: 'No dependencies in the catalog.',
        dependentsSection: 'Depended on by',
        noDependents: 'Nothing in the catalog depends on it.',
        errorTitle: 'Could not load {{entityRef}}',
      },
      match: {
        owner: 'Owner: ',
        none: 'none',
        runbook: 'Runbook: ',
        openInCatalog: 'Open in the catalog',
        onCall: 'On call: ',
        noRotation: 'no rotation',
        unknown: 'unknown',
        nobody: 'nobody on call now',
        stale: 'stale',
        staleTitle:
          'The provider could not be reached: this is the last known answer',
        gap: 'gap',
      },
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
