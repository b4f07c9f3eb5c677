import type { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  type AdrInfo,
  type AdrStatus,
  type CodeownersInfo,
  type OwnerDetails,
  type RunbookInfo,
  type ServiceDetails,
  sloOf,
  type SuggestedOwner,
} from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import {
  ContactLinks,
  DocumentLink,
  FindingsList,
  OnCallBlock,
  OwnerStatusChip,
  RunbookLink,
  Section,
  ServiceDetailsLoader,
  SloLink,
  InlineRow,
  MaturityChip,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';
import { CodeownersLine } from './CodeownersLine';
import { PendingAttestationNotice } from './PendingAttestationNotice';

function OwnerName(props: { owner: OwnerDetails }) {
  const { owner } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
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
  return <>{t('entityOwnershipCard.noOwner')}</>;
}

function OwnerProblem(props: { owner: OwnerDetails }): ReactNode {
  const { owner } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  switch (owner.status) {
    case 'missing':
      return owner.raw
        ? t('entityOwnershipCard.problems.placeholder', {
            code: <code>spec.owner: {owner.raw}</code>,
          })
        : t('entityOwnershipCard.problems.notSet', {
            code: <code>spec.owner</code>,
          });
    case 'unresolved':
      return t('entityOwnershipCard.problems.unresolved', {
        code: <code>spec.owner: {owner.raw ?? owner.entityRef}</code>,
      });
    case 'individual':
      return t('entityOwnershipCard.problems.individual');
    case 'empty-team':
      return t('entityOwnershipCard.problems.emptyTeam');
    default:
      return null;
  }
}

function Suggestion(props: {
  suggested: SuggestedOwner;
  codeowners?: CodeownersInfo;
}) {
  const { suggested, codeowners } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const team = (
    <EntityRefLink entityRef={suggested.entityRef} defaultKind="group">
      {suggested.title}
    </EntityRefLink>
  );
  if (suggested.source === 'codeowners') {
    return (
      <Typography variant="body2" component="p">
        {t('entityOwnershipCard.suggestionFromCodeowners', {
          team,
          file: (
            <DocumentLink
              url={suggested.via}
              title={codeowners?.path ?? 'CODEOWNERS'}
            />
          ),
          code: <code>spec.owner: {suggested.entityRef}</code>,
        })}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="p">
      {t('entityOwnershipCard.suggestion', {
        team,
        source: suggested.source,
        via: (
          <EntityRefLink
            entityRef={suggested.via}
            defaultKind={suggested.source}
          />
        ),
        code: <code>spec.owner: {suggested.entityRef}</code>,
      })}
    </Typography>
  );
}

function OwnerSection(props: { details: ServiceDetails }) {
  const { owner, suggestedOwner, codeowners, findings } = props.details;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const ownerName =
    owner.title ??
    owner.raw ??
    owner.entityRef ??
    t('entityOwnershipCard.theOwner');
  return (
    <Section title={t('entityOwnershipCard.ownerSection')}>
      <InlineRow>
        <Typography variant="body1" component="span" fontWeight="bold">
          <OwnerName owner={owner} />
        </Typography>
        <OwnerStatusChip status={owner.status} />
        {owner.status === 'ok' && (
          <Typography variant="caption" color="text.secondary">
            {t('entityOwnershipCard.members', {
              count: owner.members.length,
            })}
          </Typography>
        )}
      </InlineRow>
      {codeowners && (
        <CodeownersLine
          codeowners={codeowners}
          disagrees={findings.some(
            f => f.ruleId === 'owner.codeowners-mismatch',
          )}
        />
      )}
      {owner.status !== 'ok' && (
        <Typography variant="body2" color="text.secondary" component="p">
          <OwnerProblem owner={owner} />
        </Typography>
      )}
      {owner.status !== 'ok' && suggestedOwner && (
        <Suggestion suggested={suggestedOwner} codeowners={codeowners} />
      )}
      <ContactLinks
        contacts={owner.contacts}
        label={t('entityOwnershipCard.contactsLabel', { owner: ownerName })}
      />
    </Section>
  );
}

function RunbooksSection(props: { runbooks: RunbookInfo[] }) {
  const { runbooks } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Section title={t('entityOwnershipCard.runbooksSection')}>
      {runbooks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('entityOwnershipCard.noRunbook', {
            linkType: <code>type: runbook</code>,
            links: <code>metadata.links</code>,
            annotation: <code>ownership-portal/runbooks</code>,
          })}
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label={t('entityOwnershipCard.runbooksLabel')}
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  let body: ReactNode;
  if (!adrs) {
    body = (
      <Typography variant="body2" color="text.secondary">
        {t('entityOwnershipCard.noAdrLocation', {
          annotation: <code>backstage.io/adr-location</code>,
        })}
      </Typography>
    );
  } else if (adrs.length === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        {t('entityOwnershipCard.noAdrs')}
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
        aria-label={t('entityOwnershipCard.adrsByStatusLabel')}
        component="ul"
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {ADR_STATUS_ORDER.filter(s => counts.has(s)).map(status => (
          <li key={status}>
            <Chip
              size="small"
              variant="outlined"
              color={status === 'proposed' ? 'info' : 'default'}
              label={t('entityOwnershipCard.adrCount', {
                count: counts.get(status) ?? 0,
                status,
              })}
            />
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Section title={t('entityOwnershipCard.adrsSection')}>
      {body}
      {problems && problems.length > 0 && (
        <Typography variant="caption" color="warning.main" component="p">
          {t('entityOwnershipCard.adrProblems', {
            problems: problems.join('; '),
          })}
        </Typography>
      )}
    </Section>
  );
}

function MaturityHeader(props: { details: ServiceDetails }) {
  const { level, score } = props.details;
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <InlineRow aria-label={t('entityOwnershipCard.maturityLabel')}>
      <MaturityChip level={level} />
      <Typography variant="body2" color="text.secondary">
        {t('entityOwnershipCard.score', { score: String(Math.round(score)) })}
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
function OwnershipSummary(props: { details: ServiceDetails; entity: Entity }) {
  const { details, entity } = props;
  const showRunbooks = details.runbooks !== undefined || expectsDocs(entity);
  const showAdrs = details.adrs !== undefined || expectsDocs(entity);
  // Where an SLO is stated, or where slo.missing asks for one.
  const showSlo =
    sloOf({
      links: entity.metadata.links,
      annotations: entity.metadata.annotations,
    }) !== undefined || details.findings.some(f => f.ruleId === 'slo.missing');
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Stack spacing={1.5} divider={<Divider flexItem />}>
      <MaturityHeader details={details} />
      <OwnerSection details={details} />
      <Section title={t('entityOwnershipCard.onCallSection')}>
        <OnCallBlock oncall={details.oncall} />
      </Section>
      {showRunbooks && <RunbooksSection runbooks={details.runbooks ?? []} />}
      {showAdrs && (
        <AdrSection adrs={details.adrs} problems={details.adrProblems} />
      )}
      {showSlo && (
        <Section title={t('entityOwnershipCard.sloSection')}>
          <SloLink entity={entity} />
        </Section>
      )}
      <Section title={t('entityOwnershipCard.findingsSection')}>
        <FindingsList findings={details.findings} collapsible />
      </Section>
    </Stack>
  );
}

/**
 * The "Ownership" entity card: owning team and contacts, who is on call,
 * runbooks, ADRs, the SLO, open findings and the maturity level of the current entity,
 * as the latest ownership audit saw it.
 *
 * @public
 */
export function EntityOwnershipCard() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h3' }}
      title={t('entityOwnershipCard.title')}
    >
      <PendingAttestationNotice />
      <ServiceDetailsLoader subject="ownership">
        {(details, entity) => (
          <OwnershipSummary details={details} entity={entity} />
        )}
      </ServiceDetailsLoader>
    </InfoCard>
  );
}
