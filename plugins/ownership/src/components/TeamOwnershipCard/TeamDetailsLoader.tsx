import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { TeamDetails } from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import { AuditResultLoader } from '../shared';

function entityName(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/**
 * The audit result of the team (Group) on the current entity page, with the
 * request's loading and error state and a retry.
 */
function useTeamDetails() {
  const { entity } = useEntity();
  // Refs are case-insensitive; the backend keys them in lower case.
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(ownershipApiRef);
  const state = useAsyncRetry(() => api.getTeam(entityRef), [api, entityRef]);
  return { entity, entityRef, ...state };
}

/** The empty state of a team the latest audit run did not cover. */
function TeamNotAuditedState(props: { entity: Entity }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Alert severity="info">
      <AlertTitle>{t('teamOwnershipCard.notAuditedTitle')}</AlertTitle>
      {t('teamOwnershipCard.notAudited', {
        team: entityName(props.entity),
        code: <code>spec.owner</code>,
      })}
    </Alert>
  );
}

/** Props of {@link TeamDetailsLoader}. */
interface TeamDetailsLoaderProps {
  /** What is loaded, for the error title, e.g. `ownership` or `onboarding`. */
  subject: string;
  children: (details: TeamDetails, entity: Entity) => ReactNode;
}

/** Loads the audit result of the current team and renders its children with it. */
export function TeamDetailsLoader(props: TeamDetailsLoaderProps) {
  return (
    <AuditResultLoader
      state={useTeamDetails()}
      subject={props.subject}
      notAudited={entity => <TeamNotAuditedState entity={entity} />}
    >
      {props.children}
    </AuditResultLoader>
  );
}
