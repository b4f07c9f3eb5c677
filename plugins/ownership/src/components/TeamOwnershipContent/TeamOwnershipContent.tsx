import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { ownershipTranslationRef } from '../../translation';
import { TeamDetailsLoader } from '../TeamOwnershipCard/TeamDetailsLoader';
import { TeamCampaignProgress } from './TeamCampaignProgress';

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
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Typography variant="caption" color="text.secondary" component="span">
      {t('teamOnboarding.forService', {
        service: (
          <EntityRefLink entityRef={first}>{title(first)}</EntityRefLink>
        ),
      })}
      {others.length > 0 && (
        <Box component="span" title={others.map(title).join(', ')}>
          {t('teamOnboarding.andMore', { count: others.length })}
        </Box>
      )}
    </Typography>
  );
}

function Runbooks(props: {
  runbooks: ReadingList['runbooks'];
  titles: ServiceTitles;
}) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (props.runbooks.length === 0) {
    return (
      <Hint>
        {t('teamOnboarding.noRunbooks', {
          linkType: <code>type: runbook</code>,
          links: <code>metadata.links</code>,
          annotation: <code>ownership-portal/runbooks</code>,
        })}
      </Hint>
    );
  }
  return (
    <Box
      component="ul"
      aria-label={t('teamOnboarding.runbooksLabel')}
      sx={listSx}
    >
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (props.adrs.length === 0) {
    return (
      <Hint>
        {t('teamOnboarding.noAdrs', {
          annotation: <code>backstage.io/adr-location</code>,
        })}
      </Hint>
    );
  }
  return (
    <Box component="ul" aria-label={t('teamOnboarding.adrsLabel')} sx={listSx}>
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
              {adr.date ? formatDate(adr.date) : t('teamOnboarding.undated')}
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Stack spacing={1.5}>
      <Section title={t('teamOnboarding.membersSection')}>
        {details.members.length === 0 ? (
          <Hint>
            {t('teamOnboarding.noMembers', {
              members: <code>spec.members</code>,
              memberOf: <code>spec.memberOf</code>,
            })}
          </Hint>
        ) : (
          <Box
            component="ul"
            aria-label={t('teamOnboarding.membersLabel', {
              team: details.title,
            })}
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
                    {t('teamOnboarding.via')}
                    <EntityRefLink entityRef={member.via} defaultKind="group" />
                  </Typography>
                )}
              </Box>
            ))}
          </Box>
        )}
      </Section>
      <Section title={t('teamOnboarding.contactsSection')}>
        {details.contacts.length === 0 ? (
          <Hint>
            {t('teamOnboarding.noContacts', {
              email: <code>spec.profile.email</code>,
              links: <code>metadata.links</code>,
            })}
          </Hint>
        ) : (
          <ContactLinks
            contacts={details.contacts}
            label={t('teamOnboarding.contactsLabel', { team: details.title })}
          />
        )}
      </Section>
    </Stack>
  );
}

/** The reading list and who to ask, for a loaded team. */
function TeamOnboarding(props: { details: TeamDetails }) {
  const { details } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const titles: ServiceTitles = new Map(
    details.services.map(service => [service.entityRef, service.title]),
  );
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('teamOnboarding.runbooksTitle')}
        >
          <Runbooks runbooks={details.readingList.runbooks} titles={titles} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('teamOnboarding.whoToAskTitle')}
        >
          <WhoToAsk details={details} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('teamOnboarding.adrsTitle')}
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
 * decisions first) and whom to ask (members and contacts); above them, the
 * team's progress in open audit campaigns.
 *
 * @public
 */
export function TeamOwnershipContent() {
  return (
    // A flex gap rather than margins: margins would undo the negative
    // margin of the details' Grid and push it wider than the page.
    <Stack spacing={3} useFlexGap>
      <TeamCampaignProgress />
      <TeamDetailsLoader subject="onboarding">
        {details => <TeamOnboarding details={details} />}
      </TeamDetailsLoader>
    </Stack>
  );
}
