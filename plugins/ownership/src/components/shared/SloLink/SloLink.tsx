import type { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@mui/material/Typography';
import { sloOf } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';

const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * The address a browser can open for an SLO target: an absolute http(s) URL
 * as it is, a relative path against the entity's `url:` location; undefined
 * for a file on the backend's disk, which a browser cannot open.
 */
export function sloHref(target: string, entity: Entity): string | undefined {
  if (/^https?:\/\//i.test(target)) {
    return target;
  }
  const location = entity.metadata.annotations?.[MANAGED_BY] ?? '';
  if (!location.startsWith('url:') || /^[a-z][a-z0-9+.-]+:/i.test(target)) {
    return undefined;
  }
  try {
    return new URL(target, location.slice('url:'.length)).href;
  } catch {
    return undefined;
  }
}

/**
 * The entity's service level objective (a link of type `slo` or the
 * `ownership-portal/slo` annotation), or a hint on how to state one.
 */
export function SloLink(props: { entity: Entity }) {
  const { entity } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const slo = sloOf({
    links: entity.metadata.links,
    annotations: entity.metadata.annotations,
  });
  if (!slo) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('slo.none', {
          linkType: <code>type: slo</code>,
          annotation: <code>ownership-portal/slo</code>,
        })}
      </Typography>
    );
  }
  const href = sloHref(slo.target, entity);
  const title = slo.title ?? t('slo.defaultTitle');
  return href ? (
    <Link to={href} variant="body2">
      {title}
    </Link>
  ) : (
    <Typography variant="body2">
      {t('slo.localFile', { path: <code>{slo.target}</code> })}
    </Typography>
  );
}
