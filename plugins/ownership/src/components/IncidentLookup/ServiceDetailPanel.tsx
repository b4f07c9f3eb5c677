import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  OwnerSummary,
  RelatedService,
  RunbookInfo,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import { type ReactNode, useId } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api';
import {
  ContactLinks,
  OnCallBlock,
  OwnerStatusChip,
  RunbookLink,
  ErrorPanelWithRetry,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';

function Section(props: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="subtitle2" component="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** The owner's name, linked to its catalog page when it exists. */
function OwnerLink({ owner }: { owner: OwnerSummary }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!owner.entityRef) {
    return (
      <span>
        {owner.raw
          ? t('incidentLookup.details.notInCatalog', { owner: owner.raw })
          : t('incidentLookup.details.none')}
      </span>
    );
  }
  return (
    <EntityRefLink entityRef={owner.entityRef} defaultKind="group" hideIcon>
      {owner.title ?? owner.entityRef}
    </EntityRefLink>
  );
}

function Runbooks({ runbooks }: { runbooks?: RunbookInfo[] }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!runbooks || runbooks.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('incidentLookup.details.noRunbook', {
          links: <code>metadata.links</code>,
          linkType: <code>type: runbook</code>,
        })}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {runbooks.map(r => (
        <li key={r.url}>
          <RunbookLink runbook={r} />
        </li>
      ))}
    </Box>
  );
}

function RelatedList(props: { items: RelatedService[]; empty: string }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {props.items.map(item => (
        <li key={`${item.relation}-${item.entityRef}`}>
          <Typography variant="body2">
            <EntityRefLink entityRef={item.entityRef} hideIcon>
              {item.title ?? item.entityRef}
            </EntityRefLink>{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {t('incidentLookup.details.related', {
                kind: item.kind,
                relation: item.relation,
              })}
            </Box>
            {item.owner ? (
              <OwnerLink owner={item.owner} />
            ) : (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {t('incidentLookup.details.outsideAudit')}
              </Box>
            )}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function Details({ service }: { service: ServiceDetails }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Stack spacing={2} divider={<Divider flexItem />}>
      <Box>
        <Typography variant="h6" component="h3">
          {service.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {[service.kind, service.type, service.lifecycle]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        {service.description && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {service.description}
          </Typography>
        )}
        <Box sx={{ mt: 1 }}>
          <EntityRefLink entityRef={service.entityRef} hideIcon>
            {t('incidentLookup.details.openInCatalog', {
              title: service.title,
            })}
          </EntityRefLink>
        </Box>
      </Box>
      <Section title={t('incidentLookup.details.ownerSection')}>
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography variant="body2">
              <OwnerLink owner={service.owner} />
            </Typography>
            <OwnerStatusChip status={service.owner.status} />
          </Stack>
          {service.suggestedOwner && (
            <Typography variant="body2" color="text.secondary">
              {t('incidentLookup.details.suggestedOwner', {
                team: (
                  <EntityRefLink
                    entityRef={service.suggestedOwner.entityRef}
                    defaultKind="group"
                    hideIcon
                  >
                    {service.suggestedOwner.title ??
                      service.suggestedOwner.entityRef}
                  </EntityRefLink>
                ),
                source: service.suggestedOwner.source,
              })}
            </Typography>
          )}
          {service.owner.contacts.length > 0 ? (
            <ContactLinks
              contacts={service.owner.contacts}
              label={t('incidentLookup.details.contactsLabel', {
                owner:
                  service.owner.title ?? t('incidentLookup.details.theOwner'),
              })}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('incidentLookup.details.noContacts', {
                email: <code>spec.profile.email</code>,
              })}
            </Typography>
          )}
        </Stack>
      </Section>
      <Section title={t('incidentLookup.details.onCallSection')}>
        <OnCallBlock oncall={service.oncall} />
      </Section>
      <Section title={t('incidentLookup.details.runbooksSection')}>
        <Runbooks runbooks={service.runbooks} />
      </Section>
      <Section title={t('incidentLookup.details.dependenciesSection')}>
        <RelatedList
          items={service.dependencies}
          empty={t('incidentLookup.details.noDependencies')}
        />
      </Section>
      <Section title={t('incidentLookup.details.dependentsSection')}>
        <RelatedList
          items={service.dependents}
          empty={t('incidentLookup.details.noDependents')}
        />
      </Section>
    </Stack>
  );
}

/** One service in full: owner, contacts, on-call, runbooks and the owners around it. */
export function ServiceDetailPanel(props: { entityRef: string }) {
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getService(props.entityRef),
    [api, props.entityRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ErrorPanelWithRetry
        title={t('incidentLookup.details.errorTitle', {
          entityRef: props.entityRef,
        })}
        error={error}
        onRetry={retry}
      />
    );
  }
  return value ? <Details service={value} /> : null;
}
