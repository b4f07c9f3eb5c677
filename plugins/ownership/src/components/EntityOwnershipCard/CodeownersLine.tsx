import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { CodeownersInfo } from '@ownership-portal/plugin-ownership-common';
import { Fragment } from 'react';
import {
  DocumentLink,
  InlineRow,
  StaleCopyChip,
  UnknownReadChip,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';

/** The default owners as written, each linked to the Group or User it names. */
function Owners(props: { codeowners: CodeownersInfo }) {
  const { defaultOwners, mapped } = props.codeowners;
  const refOf = new Map(mapped.map(m => [m.owner, m.entityRef]));
  return (
    <>
      {defaultOwners.map((owner, index) => {
        const entityRef = refOf.get(owner);
        return (
          <Fragment key={`${index}:${owner}`}>
            {index > 0 && ' '}
            {entityRef ? (
              <EntityRefLink entityRef={entityRef} title={entityRef}>
                {owner}
              </EntityRefLink>
            ) : (
              <code>{owner}</code>
            )}
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * "CODEOWNERS: @org/team" beside the owner: the default owners of the
 * entity's repository, with a warning mark when they name no team related
 * to the catalog owner (the `owner.codeowners-mismatch` finding).
 */
export function CodeownersLine(props: {
  codeowners: CodeownersInfo;
  /** Whether the audit found that CODEOWNERS and the catalog disagree. */
  disagrees: boolean;
}) {
  const { codeowners, disagrees } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const file = <DocumentLink url={codeowners.url} title={codeowners.path} />;
  if (codeowners.read?.status === 'unknown') {
    return (
      <InlineRow>
        <Typography variant="body2" component="span">
          {t('entityOwnershipCard.codeowners.unreadable', { file })}
        </Typography>
        <UnknownReadChip reason={codeowners.read.reason} />
      </InlineRow>
    );
  }
  return (
    <InlineRow>
      <Typography variant="body2" component="span">
        {t('entityOwnershipCard.codeowners.label', {
          owners: codeowners.defaultOwners.length ? (
            <Owners codeowners={codeowners} />
          ) : (
            t('entityOwnershipCard.codeowners.noDefaultOwners')
          ),
        })}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="span">
        {t('entityOwnershipCard.codeowners.source', { file })}
      </Typography>
      {codeowners.read?.status === 'stale' && codeowners.read.readAt && (
        <StaleCopyChip
          stale={{
            reason: codeowners.read.reason,
            readAt: codeowners.read.readAt,
          }}
        />
      )}
      {disagrees && (
        <Tooltip
          describeChild
          title={t('entityOwnershipCard.codeowners.disagreesHint')}
        >
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            icon={<WarningAmberIcon aria-hidden />}
            label={t('entityOwnershipCard.codeowners.disagrees')}
            tabIndex={0}
          />
        </Tooltip>
      )}
      {!disagrees && codeowners.unknownOwners.length > 0 && (
        <Box component="span" sx={{ typography: 'caption' }}>
          {t('entityOwnershipCard.codeowners.unknownOwners', {
            owners: codeowners.unknownOwners.join(' '),
          })}
        </Box>
      )}
    </InlineRow>
  );
}
