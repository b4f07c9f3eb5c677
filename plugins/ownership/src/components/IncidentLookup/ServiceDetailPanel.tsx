import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
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
  if (!owner.entityRef) {
    return (
      <span>{owner.raw ? `${owner.raw} (not in the catalog)` : 'none'}</span>
    );
  }
  return (
    <EntityRefLink entityRef={owner.entityRef} defaultKind="group" hideIcon>
      {owner.title ?? owner.entityRef}
    </EntityRefLink>
  );
}

function Runbooks({ runbooks }: { runbooks?: RunbookInfo[] }) {
  if (!runbooks || runbooks.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No runbook. Add a <code>metadata.links</code> entry with{' '}
        <code>type: runbook</code> to the service or its team.
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
              ({item.kind}, {item.relation}) · owner:{' '}
            </Box>
            {item.owner ? (
              <OwnerLink owner={item.owner} />
            ) : (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                outside the audit
              </Box>
            )}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function Details({ service }: { service: ServiceDetails }) {
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
            Open {service.title} in the catalog
          </EntityRefLink>
        </Box>
      </Box>
      <Section title="Owner">
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography variant="body2">
              <OwnerLink owner={service.owner} />
            </Typography>
            <OwnerStatusChip status={service.owner.status} />
          </Stack>
          {service.suggestedOwner && (
            <Typography variant="body2" color="text.secondary">
              Suggested owner:{' '}
              <EntityRefLink
                entityRef={service.suggestedOwner.entityRef}
                defaultKind="group"
                hideIcon
              >
                {service.suggestedOwner.title ??
                  service.suggestedOwner.entityRef}
              </EntityRefLink>{' '}
              (from its {service.suggestedOwner.source})
            </Typography>
          )}
          {service.owner.contacts.length > 0 ? (
            <ContactLinks
              contacts={service.owner.contacts}
              label={`Contacts of ${service.owner.title ?? 'the owner'}`}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No contacts. Add <code>spec.profile.email</code> or a chat link to
              the owning team in the catalog.
            </Typography>
          )}
        </Stack>
      </Section>
      <Section title="On call now">
        <OnCallBlock oncall={service.oncall} />
      </Section>
      <Section title="Runbooks">
        <Runbooks runbooks={service.runbooks} />
      </Section>
      <Section title="Depends on">
        <RelatedList
          items={service.dependencies}
          empty="No dependencies in the catalog."
        />
      </Section>
      <Section title="Depended on by">
        <RelatedList
          items={service.dependents}
          empty="Nothing in the catalog depends on it."
        />
      </Section>
    </Stack>
  );
}

/** One service in full: owner, contacts, on-call, runbooks and the owners around it. */
export function ServiceDetailPanel(props: { entityRef: string }) {
  const api = useApi(ownershipApiRef);
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
        title={`Could not load ${props.entityRef}`}
        error={error}
        onRetry={retry}
      />
    );
  }
  return value ? <Details service={value} /> : null;
}
