import type { Entity } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import type { ServiceDetails } from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import { ownershipTranslationRef } from '../../../translation';
import { isNotFoundError } from '../notFound';
import { useServiceDetails } from './useServiceDetails';

function entityName(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** The empty state of an entity the latest audit run did not cover. */
function NotAuditedState(props: { entity: Entity }) {
  const { entity } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Alert severity="info">
      <AlertTitle>{t('shared.notAuditedTitle')}</AlertTitle>
      {t('shared.notAudited', {
        entity: entityName(entity),
        kind: entity.kind,
        scopeKinds: <code>ownership.scope.kinds</code>,
      })}
    </Alert>
  );
}

/** A failed request: what failed, the error's message and a retry button. */
function LoadErrorState(props: {
  title: string;
  error: Error;
  onRetry: () => void;
}) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={props.onRetry}>
          {t('shared.retry')}
        </Button>
      }
    >
      <AlertTitle>{props.title}</AlertTitle>
      {props.error.message}
    </Alert>
  );
}

/** Props of {@link AuditResultLoader}. */
interface AuditResultLoaderProps<T> {
  /** The request for the current entity, as `useAsyncRetry` reports it. */
  state: {
    entity: Entity;
    value?: T;
    loading: boolean;
    error?: Error;
    retry: () => void;
  };
  /** What is loaded, for the error title, e.g. `ownership` or `operations`. */
  subject: string;
  /** What to show when the latest run does not hold the entity (404). */
  notAudited: (entity: Entity) => ReactNode;
  children: (value: T, entity: Entity) => ReactNode;
}

/**
 * Renders an audit result of the current entity once loaded; shows progress,
 * the not-audited empty state (404) and errors with retry.
 */
export function AuditResultLoader<T>(props: AuditResultLoaderProps<T>) {
  const { entity, value, loading, error, retry } = props.state;
  const { t } = useTranslationRef(ownershipTranslationRef);

  if (loading) {
    return (
      <Progress aria-label={t('shared.loading', { subject: props.subject })} />
    );
  }
  if (error) {
    if (isNotFoundError(error)) {
      return <>{props.notAudited(entity)}</>;
    }
    return (
      <LoadErrorState
        title={t('shared.loadError', {
          subject: props.subject,
          entity: entityName(entity),
        })}
        error={error}
        onRetry={retry}
      />
    );
  }
  return value ? <>{props.children(value, entity)}</> : null;
}

/** Props of {@link ServiceDetailsLoader}. */
interface ServiceDetailsLoaderProps {
  /** What is loaded, for the error title, e.g. `ownership` or `operations`. */
  subject: string;
  children: (details: ServiceDetails, entity: Entity) => ReactNode;
}

/** Loads the audit result of the current entity and renders its children with it. */
export function ServiceDetailsLoader(props: ServiceDetailsLoaderProps) {
  return (
    <AuditResultLoader
      state={useServiceDetails()}
      subject={props.subject}
      notAudited={entity => <NotAuditedState entity={entity} />}
    >
      {props.children}
    </AuditResultLoader>
  );
}
