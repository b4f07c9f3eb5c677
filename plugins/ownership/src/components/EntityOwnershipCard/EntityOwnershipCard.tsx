import type { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  AdrInfo,
  AdrStatus,
  OwnerDetails,
  RunbookInfo,
  ServiceDetails,
  SuggestedOwner,
} from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import {
  ContactLinks,
  FindingsList,
  OnCallBlock,
  OwnerStatusChip,
  RunbookLink,
  Section,
  ServiceDetailsLoader,
  plural,
  InlineRow,
  MaturityChip,
} from '../shared';

function OwnerName(props: { owner: OwnerDetails }) {
  const { owner } = props;
  // An unresolved owner names nothing in the catalog: a link would lead to a 404.
  if (owner.entityRef && owner.status !== 'unresolved') {
    return (
      <EntityRefLink
        entityRef={owner.entityRef}
        defaultKind={owner.kind === 'User' ? 'user' : 'group'}
      >
        {owner.title}
      </EntityRefLink>
    );
  }
  if (owner.raw) {
    return <code>{owner.raw}</code>;
  }
  return <>None</>;
}

function ownerProblem(owner: OwnerDetails): ReactNode {
  switch (owner.status) {
    case 'missing':
      return owner.raw ? (
        <>
          <code>spec.owner: {owner.raw}</code> is a placeholder, not a team.
        </>
      ) : (
        <>
          <code>spec.owner</code> is not set.
        </>
      );
    case 'unresolved':
      return (
        <>
          <code>spec.owner: {owner.raw ?? owner.entityRef}</code> names no Group
          or User in the catalog.
        </>
      );
    case 'individual':
      return <>A person owns it; set a team so it survives people moving on.</>;
    case 'empty-team':
      return (
        <>
          The team has no members, sub-groups included; add members to it or
          pick another team.
        </>
      );
    default:
      return null;
  }
}

function Suggestion(props: { suggested: SuggestedOwner }) {
  const { suggested } = props;
  return (
    <Typography variant="body2" component="p">
      Suggested owner:{' '}
      <EntityRefLink entityRef={suggested.entityRef} defaultKind="group">
        {suggested.title}
      </EntityRefLink>{' '}
      (owns the {suggested.source}{' '}
      <EntityRefLink entityRef={suggested.via} defaultKind={suggested.source} />
      ). Set <code>spec.owner: {suggested.entityRef}</code> in
      catalog-info.yaml.
    </Typography>
  );
}

function OwnerSection(props: { details: ServiceDetails }) {
  const { owner, suggestedOwner } = props.details;
  const ownerName = owner.title ?? owner.raw ?? owner.entityRef ?? 'the owner';
  return (
    <Section title="Owner">
      <InlineRow>
        <Typography variant="body1" component="span" fontWeight="bold">
          <OwnerName owner={owner} />
        </Typography>
        <OwnerStatusChip status={owner.status} />
        {owner.status === 'ok' && (
          <Typography variant="caption" color="text.secondary">
            {plural(owner.members.length, 'member')}
          </Typography>
        )}
      </InlineRow>
      {owner.status !== 'ok' && (
        <Typography variant="body2" color="text.secondary" component="p">
          {ownerProblem(owner)}
        </Typography>
      )}
      {owner.status !== 'ok' && suggestedOwner && (
        <Suggestion suggested={suggestedOwner} />
      )}
      <ContactLinks
        contacts={owner.contacts}
        label={`Contacts of ${ownerName}`}
      />
    </Section>
  );
}

function RunbooksSection(props: { runbooks: RunbookInfo[] }) {
  const { runbooks } = props;
  return (
    <Section title="Runbooks">
      {runbooks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No runbook. Add a link with <code>type: runbook</code> to{' '}
          <code>metadata.links</code>, or the{' '}
          <code>ownership-portal/runbooks</code> annotation, in
          catalog-info.yaml.
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label="Runbooks"
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {runbooks.map(runbook => (
            <Box component="li" key={runbook.url} sx={{ py: 0.25 }}>
              <RunbookLink runbook={runbook} />
              {runbook.status !== 'ok' && runbook.reason && (
                <Typography variant="caption" color="text.secondary">
                  {runbook.reason}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}

const ADR_STATUS_ORDER: AdrStatus[] = [
  'accepted',
  'proposed',
  'superseded',
  'deprecated',
  'rejected',
  'unknown',
];

function AdrSection(props: { adrs?: AdrInfo[]; problems?: string[] }) {
  const { adrs, problems } = props;
  let body: ReactNode;
  if (!adrs) {
    body = (
      <Typography variant="body2" color="text.secondary">
        No ADR location. Set the <code>backstage.io/adr-location</code>{' '}
        annotation in catalog-info.yaml to the folder of its decision records.
      </Typography>
    );
  } else if (adrs.length === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        No decision records found in the ADR location.
      </Typography>
    );
  } else {
    const counts = new Map<AdrStatus, number>();
    for (const adr of adrs) {
      counts.set(adr.status, (counts.get(adr.status) ?? 0) + 1);
    }
    body = (
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        flexWrap="wrap"
        aria-label="Decision records by status"
        component="ul"
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {ADR_STATUS_ORDER.filter(s => counts.has(s)).map(status => (
          <li key={status}>
            <Chip
              size="small"
              variant="outlined"
              color={status === 'proposed' ? 'info' : 'default'}
              label={`${counts.get(status)} ${status}`}
            />
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Section title="Decisions (ADRs)">
      {body}
      {problems && problems.length > 0 && (
        <Typography variant="caption" color="warning.main" component="p">
          Could not read all ADRs: {problems.join('; ')}
        </Typography>
      )}
    </Section>
  );
}

function MaturityHeader(props: { details: ServiceDetails }) {
  const { level, score } = props.details;
  return (
    <InlineRow aria-label="Maturity">
      <MaturityChip level={level} />
      <Typography variant="body2" color="text.secondary">
        Score {Math.round(score)}/100
      </Typography>
    </InlineRow>
  );
}

/** Runbooks and ADRs apply to software and systems; APIs and resources get no empty hints. */
function expectsDocs(entity: Entity): boolean {
  return ['component', 'system'].includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );
}

/** The body of the card for a loaded audit result. */
export function OwnershipSummary(props: {
  details: ServiceDetails;
  entity: Entity;
}) {
  const { details, entity } = props;
  const showRunbooks = details.runbooks !== undefined || expectsDocs(entity);
  const showAdrs = details.adrs !== undefined || expectsDocs(entity);
  return (
    <Stack spacing={1.5} divider={<Divider flexItem />}>
      <MaturityHeader details={details} />
      <OwnerSection details={details} />
      <Section title="On call">
        <OnCallBlock oncall={details.oncall} />
      </Section>
      {showRunbooks && <RunbooksSection runbooks={details.runbooks ?? []} />}
      {showAdrs && (
        <AdrSection adrs={details.adrs} problems={details.adrProblems} />
      )}
      <Section title="Findings">
        <FindingsList findings={details.findings} collapsible />
      </Section>
    </Stack>
  );
}

/**
 * The "Ownership" entity card: owning team and contacts, who is on call,
 * runbooks, ADRs, open findings and the maturity level of the current entity,
 * as the latest ownership audit saw it.
 *
 * @public
 */
export function EntityOwnershipCard() {
  return (
    <InfoCard titleTypographyProps={{ component: 'h3' }} title="Ownership">
      <ServiceDetailsLoader subject="ownership">
        {(details, entity) => (
          <OwnershipSummary details={details} entity={entity} />
        )}
      </ServiceDetailsLoader>
    </InfoCard>
  );
}
