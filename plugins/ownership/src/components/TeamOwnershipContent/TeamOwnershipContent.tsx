import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import MuiLink from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  ReadingList,
  ReadingListSource,
  TeamDetails,
} from '@ownership-portal/plugin-ownership-common';
import {
  AdrStatusChip,
  ContactLinks,
  Hint,
  RunbookLink,
  Section,
  formatDate,
  newestFirst,
  InlineRow,
  DocumentLink,
} from '../shared';
import { TeamDetailsLoader } from '../TeamOwnershipCard/TeamDetailsLoader';

const listSx = { listStyle: 'none', m: 0, p: 0 } as const;

type ServiceTitles = Map<string, string>;

/** `for payments-ledger`, or `for payments-ledger and 4 more` with the others on hover. */
function ServiceLink(props: {
  source: ReadingListSource;
  titles: ServiceTitles;
}) {
  const { source, titles } = props;
  const first = source.entityRef;
  const others = (source.entityRefs ?? [first]).filter(ref => ref !== first);
  const title = (ref: string) => titles.get(ref) ?? ref;
  return (
    <Typography variant="caption" color="text.secondary" component="span">
      for <EntityRefLink entityRef={first}>{title(first)}</EntityRefLink>
      {others.length > 0 && (
        <Box component="span" title={others.map(title).join(', ')}>
          {' '}
          and {others.length} more
        </Box>
      )}
    </Typography>
  );
}

function Runbooks(props: {
  runbooks: ReadingList['runbooks'];
  titles: ServiceTitles;
}) {
  if (props.runbooks.length === 0) {
    return (
      <Hint>
        No runbooks yet. Add a link with <code>type: runbook</code> to{' '}
        <code>metadata.links</code>, or the{' '}
        <code>ownership-portal/runbooks</code> annotation, in the
        catalog-info.yaml of the team&apos;s services (links on the team are
        inherited by its services).
      </Hint>
    );
  }
  return (
    <Box component="ul" aria-label="Runbooks" sx={listSx}>
      {props.runbooks.map(runbook => (
        <Box
          component="li"
          key={`${runbook.entityRef}:${runbook.url}`}
          sx={{ py: 0.5 }}
        >
          <RunbookLink runbook={runbook}>
            <ServiceLink source={runbook} titles={props.titles} />
          </RunbookLink>
        </Box>
      ))}
    </Box>
  );
}

function Adrs(props: { adrs: ReadingList['adrs']; titles: ServiceTitles }) {
  if (props.adrs.length === 0) {
    return (
      <Hint>
        No decision records yet. Set the <code>backstage.io/adr-location</code>{' '}
        annotation in the catalog-info.yaml of the team&apos;s services to the
        folder of their decision records.
      </Hint>
    );
  }
  return (
    <Box component="ul" aria-label="Decision records" sx={listSx}>
      {newestFirst(props.adrs).map(adr => (
        <Box
          component="li"
          key={`${adr.entityRef}:${adr.url}`}
          sx={{ py: 0.5 }}
        >
          <InlineRow>
            <DocumentLink url={adr.url} title={adr.title} />
            <AdrStatusChip status={adr.status} />
            <Typography variant="caption" color="text.secondary">
              {adr.date ? formatDate(adr.date) : 'undated'}
            </Typography>
            <ServiceLink source={adr} titles={props.titles} />
          </InlineRow>
        </Box>
      ))}
    </Box>
  );
}

function WhoToAsk(props: { details: TeamDetails }) {
  const { details } = props;
  return (
    <Stack spacing={1.5}>
      <Section title="Members">
        {details.members.length === 0 ? (
          <Hint>
            No members. Add people to <code>spec.members</code> of the team, or
            set <code>spec.memberOf</code> on their User entities, in
            catalog-info.yaml.
          </Hint>
        ) : (
          <Box
            component="ul"
            aria-label={`Members of ${details.title}`}
            sx={listSx}
          >
            {details.members.map(member => (
              <Box component="li" key={member.entityRef} sx={{ py: 0.25 }}>
                <Typography variant="body2" component="span">
                  <EntityRefLink
                    entityRef={member.entityRef}
                    defaultKind="user"
                  >
                    {member.title}
                  </EntityRefLink>
                </Typography>
                {member.email && (
                  <>
                    {' · '}
                    <MuiLink href={`mailto:${member.email}`} variant="body2">
                      {member.email}
                    </MuiLink>
                  </>
                )}
                {member.via && (
                  <Typography variant="caption" color="text.secondary">
                    {' · via '}
                    <EntityRefLink entityRef={member.via} defaultKind="group" />
                  </Typography>
                )}
              </Box>
            ))}
          </Box>
        )}
      </Section>
      <Section title="Contacts">
        {details.contacts.length === 0 ? (
          <Hint>
            No contacts. Set <code>spec.profile.email</code> or add a chat link
            to <code>metadata.links</code> in the team&apos;s catalog-info.yaml.
          </Hint>
        ) : (
          <ContactLinks
            contacts={details.contacts}
            label={`Contacts of ${details.title}`}
          />
        )}
      </Section>
    </Stack>
  );
}

/** The reading list and who to ask, for a loaded team. */
export function TeamOnboarding(props: { details: TeamDetails }) {
  const { details } = props;
  const titles: ServiceTitles = new Map(
    details.services.map(service => [service.entityRef, service.title]),
  );
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <InfoCard titleTypographyProps={{ component: 'h3' }} title="Runbooks">
          <Runbooks runbooks={details.readingList.runbooks} titles={titles} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard titleTypographyProps={{ component: 'h3' }} title="Who to ask">
          <WhoToAsk details={details} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title="Decisions (ADRs), newest first"
        >
          <Adrs adrs={details.readingList.adrs} titles={titles} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The "Onboarding" tab of Group pages: what a new team member reads first
 * (the runbooks and decision records of the team's services, newest
 * decisions first) and whom to ask (members and contacts).
 *
 * @public
 */
export function TeamOwnershipContent() {
  return (
    <TeamDetailsLoader subject="onboarding">
      {details => <TeamOnboarding details={details} />}
    </TeamDetailsLoader>
  );
}
