import { useAnalytics, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Campaign } from '@ownership-portal/plugin-ownership-common';
import { useId, useState } from 'react';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import { errorMessage } from '../shared';

/** "Close campaign" with a confirmation: closing is final. */
export function CloseCampaignButton(props: {
  campaign: Campaign;
  onClosed: (campaign: Campaign) => void;
}) {
  const { campaign, onClosed } = props;
  const api = useApi(ownershipApiRef);
  const analytics = useAnalytics();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const close = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const closed = await api.closeCampaign(campaign.id);
      analytics.captureEvent('close', 'campaign', { value: campaign.id });
      setOpen(false);
      onClosed(closed);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="outlined" color="error" onClick={() => setOpen(true)}>
        {t('campaignPage.close')}
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        aria-labelledby={titleId}
      >
        <DialogTitle id={titleId}>
          {t('campaignPage.closeTitle', { campaign: campaign.title })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('campaignPage.closeBody', {
              pending: String(campaign.progress.pending),
            })}
          </DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {t('campaignPage.cancel')}
          </Button>
          <Button
            variant="contained"
            color="error"
            onClick={close}
            disabled={busy}
          >
            {t('campaignPage.confirmClose')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
