import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type {
  Attestation,
  CampaignItem,
} from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../translation';

/**
 * The `spec.owner` value naming `group` from an entity's catalog-info.yaml:
 * as short as it can be (`search` for `group:default/search` in the same
 * namespace), since Group is the default kind of an owner.
 */
function ownerValue(group: string, entityRef: string): string {
  const { namespace } = parseEntityRef(entityRef);
  return humanizeEntityRef(parseEntityRef(group), {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
}

/**
 * What a transfer or "not ours" answer asks of the catalog: the
 * `spec.owner` line to write, and a link to edit the entity's
 * catalog-info.yaml where the catalog knows one.
 */
export function RecordedChange(props: {
  item: CampaignItem;
  attestation: Attestation;
  onClose?: () => void;
}) {
  const { item, attestation, onClose } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const entity = <EntityRefLink entityRef={item.entityRef} />;
  const transferTo = attestation.transferTo;
  return (
    <Alert
      severity="success"
      onClose={onClose}
      role="status"
      data-testid={`recorded-change-${item.entityRef}`}
    >
      <Typography variant="body2" component="p">
        {transferTo
          ? t('attest.recordedTransfer', {
              entity,
              group: <EntityRefLink entityRef={transferTo} />,
            })
          : t('attest.recordedNotOurs', { entity })}
      </Typography>
      <Typography variant="body2" component="p" sx={{ mt: 1 }}>
        {transferTo ? t('attest.writeOwner') : t('attest.findOwner')}
      </Typography>
      <Box
        component="pre"
        aria-label={t('attest.ownerLineLabel')}
        sx={{ my: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}
      >
        <code>
          spec.owner:{' '}
          {transferTo ? ownerValue(transferTo, item.entityRef) : '…'}
        </code>
      </Box>
      {item.editUrl ? (
        <Button
          size="small"
          href={item.editUrl}
          target="_blank"
          rel="noopener noreferrer"
          endIcon={<OpenInNewIcon fontSize="inherit" />}
        >
          {t('attest.editCatalogInfo', { entity: item.title })}
        </Button>
      ) : (
        <Typography variant="caption" color="text.secondary">
          {t('attest.noEditUrl', {
            annotation: <code>backstage.io/edit-url</code>,
          })}
        </Typography>
      )}
    </Alert>
  );
}
